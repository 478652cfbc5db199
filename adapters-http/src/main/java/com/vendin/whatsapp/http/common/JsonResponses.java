package com.vendin.whatsapp.http.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes a JSON response body with the shared mapper. */
public final class JsonResponses {
    public static final String JSON = "application/json";

    private JsonResponses() {}

    /** Answers {@code status} with {@code body} serialised as JSON. */
    public static void send(Context ctx, ObjectMapper mapper, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON).result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a response body", e);
        }
    }
}
