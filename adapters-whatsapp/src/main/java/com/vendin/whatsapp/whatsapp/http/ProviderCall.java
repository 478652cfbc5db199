package com.vendin.whatsapp.whatsapp.http;

import com.vendin.whatsapp.ports.delivery.SendOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Runs one provider request: closes the response, reads at most 64 KiB of its body, and turns I/O failures into {@code network}. */
public final class ProviderCall {
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_DETAIL_CHARS = 500;

    private ProviderCall() {}

    /** A provider's answer: HTTP status and body text; {@code complete} is false when the body was cut at the cap. */
    public record Reply(int status, String body, boolean complete) {
        public boolean successful() {
            return status >= 200 && status < 300;
        }

        public boolean serverSideOrThrottled() {
            return status == 429 || status >= 500;
        }

        @Override
        public String toString() {
            return "Reply[status=" + status + ", " + body.length() + " chars" + (complete ? "" : ", cut") + "]";
        }
    }

    /** Executes {@code request} and lets {@code interpret} read the reply; never throws for I/O failures. */
    public static SendOutcome execute(OkHttpClient client, Request request, Function<Reply, SendOutcome> interpret) {
        Reply reply;
        try (Response response = client.newCall(request).execute()) {
            reply = read(response);
        } catch (IOException e) {
            return new SendOutcome.Failed(
                    "network", shorten(e.getClass().getSimpleName() + ": " + e.getMessage()), true, false);
        }
        return interpret.apply(reply);
    }

    /** {@code text} cut to a length fit to store as a failure detail. */
    public static String shorten(String text) {
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "...";
    }

    private static Reply read(Response response) throws IOException {
        long declared = response.body().contentLength();
        // A declared length sizes the read (the stream ends there): a short answer costs its own bytes, not a
        // buffer of the cap's size.
        int cap = declared >= 0 && declared <= MAX_BODY_BYTES ? (int) declared : MAX_BODY_BYTES + 1;
        try (InputStream in = response.body().byteStream()) {
            byte[] bytes = in.readNBytes(cap);
            boolean complete = bytes.length <= MAX_BODY_BYTES;
            int length = Math.min(bytes.length, MAX_BODY_BYTES);
            return new Reply(response.code(), new String(bytes, 0, length, StandardCharsets.UTF_8), complete);
        }
    }
}
