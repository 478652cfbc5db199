package com.vendin.whatsapp.http.common;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a request body with a byte limit: a {@code Content-Length} over the limit is rejected before
 * reading, and the stream is counted while reading, so chunked bodies are bounded too.
 */
public final class BoundedBody {
    private static final int CHUNK = 8192;

    private BoundedBody() {}

    /** The body bytes; a {@link GatewayRejection} of kind {@code TOO_LARGE} when it exceeds {@code maxBytes}. */
    public static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            if (declared >= 0 && declared <= Integer.MAX_VALUE - 8) {
                // The container ends the stream at the declared length: read exactly that, in one array.
                return ctx.req().getInputStream().readNBytes((int) declared);
            }
            return read(ctx.req().getInputStream(), maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the request body", e);
        }
    }

    /** Reads {@code in} to its end, or throws {@code TOO_LARGE} as soon as more than {@code maxBytes} arrived. */
    public static byte[] read(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(chunk)) != -1) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    private static GatewayRejection tooLarge(long maxBytes) {
        return new GatewayRejection(
                GatewayRejection.Kind.TOO_LARGE,
                "payload_too_large",
                "The request body is larger than " + maxBytes + " bytes.");
    }
}
