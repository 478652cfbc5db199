package com.vendin.whatsapp.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** A response as a test sees it: status, raw body and (when JSON) the parsed body. */
public record HttpResult(int code, String body, String contentType) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public String errorCode() {
        return json().path("error").path("code").asText();
    }
}
