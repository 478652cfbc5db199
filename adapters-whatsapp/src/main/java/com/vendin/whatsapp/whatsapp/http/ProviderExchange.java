package com.vendin.whatsapp.whatsapp.http;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs one provisioning request (a call whose failure the admin client sees): closes the response,
 * reads at most 64 KiB, and turns an I/O failure into a {@code provider_error} with code {@code network}.
 */
public final class ProviderExchange {
    private ProviderExchange() {}

    public static ProviderCall.Reply execute(OkHttpClient client, Request request, String provider) {
        try (Response response = client.newCall(request).execute();
                InputStream in = response.body().byteStream()) {
            byte[] bytes = in.readNBytes(ProviderCall.MAX_BODY_BYTES + 1);
            boolean complete = bytes.length <= ProviderCall.MAX_BODY_BYTES;
            int length = Math.min(bytes.length, ProviderCall.MAX_BODY_BYTES);
            return new ProviderCall.Reply(
                    response.code(), new String(bytes, 0, length, StandardCharsets.UTF_8), complete);
        } catch (IOException e) {
            throw failure(provider + " could not be reached (" + e.getClass().getSimpleName() + ")", "network");
        }
    }

    /** A {@code 502 provider_error} rejection carrying the provider's code. */
    public static GatewayRejection failure(String message, String providerCode) {
        return new GatewayRejection(GatewayRejection.Kind.PROVIDER_ERROR, "provider_error", message, providerCode);
    }
}
