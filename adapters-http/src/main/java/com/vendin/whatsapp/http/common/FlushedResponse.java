package com.vendin.whatsapp.http.common;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a whole response and flushes it to the connection before the handler returns, so that what the
 * handler does next (waking the delivery workers) happens only after the caller's answer was sent. Javalin
 * writes nothing more: the handler sets no result.
 */
public final class FlushedResponse {
    private static final Logger LOG = LoggerFactory.getLogger(FlushedResponse.class);

    private FlushedResponse() {}

    /** Sends {@code status} with {@code body} now; false when the connection failed (the caller has no answer). */
    public static boolean send(Context ctx, int status, String contentType, byte[] body) {
        ctx.status(status);
        HttpServletResponse response = ctx.res();
        if (contentType != null) {
            response.setContentType(contentType);
        }
        response.setContentLength(body.length);
        try {
            if (body.length > 0) {
                response.getOutputStream().write(body);
            }
            response.flushBuffer();
            return true;
        } catch (IOException e) {
            LOG.debug("could not send the answer to {} {}: {}", ctx.method(), ctx.path(), e.toString());
            return false;
        }
    }
}
