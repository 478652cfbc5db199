package com.vendin.whatsapp.whatsapp.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.media.MediaFetch;
import com.vendin.whatsapp.ports.media.MediaSource;
import com.vendin.whatsapp.ports.media.MediaStream;
import com.vendin.whatsapp.whatsapp.ProviderApiConfig;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams inbound media from the providers (docs/PROVIDERS.md §1.5 and §2.1). Meta:
 * {@code GET {graph}/{media-id}} with the number's bearer token gives a short-lived {@code url}, fetched with
 * the same token. Twilio: {@code GET MediaUrl} with the account's basic auth (sent only to the Twilio API's
 * host), following Twilio's redirect to its media store. A 404 or 410 means the provider no longer has it.
 */
public final class ProviderMediaSource implements MediaSource {
    /** Between two reads of a download; the whole download has no deadline (a 100 MB document takes a while). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(ProviderMediaSource.class);

    private final OkHttpClient client;
    private final HttpUrl graph;
    private final HttpUrl twilio;

    /** Shares {@code base}'s pool, without a call deadline, following redirects. */
    public ProviderMediaSource(OkHttpClient base, ProviderApiConfig config) {
        this.client = base.newBuilder()
                .callTimeout(Duration.ZERO)
                .readTimeout(READ_TIMEOUT)
                .followRedirects(true)
                .followSslRedirects(true)
                .build();
        this.graph = BaseUrls.parse(config.graphBaseUrl(), "FACEBOOK_GRAPH_URL");
        this.twilio = BaseUrls.parse(config.twilioApiUrl(), "TWILIO_API_URL");
    }

    @Override
    public MediaFetch open(SenderAccount account, String media) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(media, "media");
        return account.provider() == Provider.FACEBOOK ? openMeta(account, media) : openTwilio(account, media);
    }

    private MediaFetch openMeta(SenderAccount account, String mediaId) {
        String bearer = "Bearer " + account.accessToken().orElseThrow().reveal();
        HttpUrl.Builder lookupUrl = BaseUrls.join(graph, mediaId).newBuilder();
        account.phoneId().ifPresent(id -> lookupUrl.addQueryParameter("phone_number_id", id));
        Request lookup = new Request.Builder()
                .url(lookupUrl.build())
                .get()
                .header("Authorization", bearer)
                .build();
        ProviderCall.Reply reply;
        try (Response response = client.newCall(lookup).execute()) {
            reply = new ProviderCall.Reply(response.code(), small(response.body()), true);
        } catch (IOException e) {
            return unavailable(
                    "the Graph API media lookup failed: " + e.getClass().getSimpleName());
        }
        if (gone(reply.status())) {
            return new MediaFetch.Gone();
        }
        Optional<JsonNode> body = ProviderJson.object(reply);
        if (!reply.successful()) {
            boolean unknownObject =
                    body.map(b -> b.path("error").path("code").asInt() == 100).orElse(false);
            return unknownObject
                    ? new MediaFetch.Gone()
                    : unavailable("the Graph API media lookup answered HTTP " + reply.status());
        }
        Optional<HttpUrl> url =
                body.flatMap(b -> ProviderJson.text(b.path("url"))).map(HttpUrl::parse);
        if (url.isEmpty()) {
            return unavailable("the Graph API media lookup gave no url");
        }
        return download(new Request.Builder()
                .url(url.get())
                .get()
                .header("Authorization", bearer)
                .build());
    }

    private MediaFetch openTwilio(SenderAccount account, String mediaUrl) {
        HttpUrl url = HttpUrl.parse(mediaUrl);
        if (url == null) {
            return new MediaFetch.Gone();
        }
        Request.Builder request = new Request.Builder().url(url).get();
        if (url.host().equals(twilio.host()) && url.port() == twilio.port()) {
            request.header(
                    "Authorization",
                    Credentials.basic(
                            account.accountSid().orElseThrow(),
                            account.authToken().orElseThrow().reveal(),
                            StandardCharsets.UTF_8));
        }
        return download(request.build());
    }

    /** The response stays open: the caller streams it and closes it. */
    private MediaFetch download(Request request) {
        Response response;
        try {
            response = client.newCall(request).execute();
        } catch (IOException e) {
            return unavailable("the media download failed: " + e.getClass().getSimpleName());
        }
        int code = response.code();
        if (code < 200 || code >= 300) {
            response.close();
            return gone(code) ? new MediaFetch.Gone() : unavailable("the media download answered HTTP " + code);
        }
        ResponseBody body = response.body();
        long length = body.contentLength();
        InputStream stream = body.byteStream();
        return new MediaFetch.Found(new MediaStream(
                stream,
                Optional.ofNullable(response.header("Content-Type")),
                length >= 0 ? OptionalLong.of(length) : OptionalLong.empty()));
    }

    private static boolean gone(int status) {
        return status == 404 || status == 410;
    }

    private static String small(ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(ProviderCall.MAX_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static MediaFetch unavailable(String reason) {
        LOG.info("media not available: {}", reason);
        return new MediaFetch.Unavailable(reason);
    }
}
