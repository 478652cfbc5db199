package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeMediaProvider;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media for tenants (CONTRACT §3.3) end to end: a customer's photo, voice note or document reaches the store
 * with a {@code url} under the gateway; a GET on it streams the provider's bytes, fetched with the number's
 * credentials; forged and expired links are 403, media the provider no longer has 410.
 */
class MediaForTenantsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MODA_PHONE_ID = "106540352242922";
    private static final String MODA_DISPLAY = "5511999911111";
    private static final String PIZZA_NUMBER = "+551140045678";
    private static final String CUSTOMER = "5511988887777";
    private static final byte[] PHOTO =
            "\u00ff\u00d8\u00ff\u00e0 a JPEG, byte for byte".getBytes(StandardCharsets.ISO_8859_1);
    private static final OkHttpClient CLIENT =
            TestGateway.CLIENT.newBuilder().followRedirects(false).build();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private FakeMediaProvider provider;
    private FakeTenant moda;
    private FakeTenant pizza;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeMediaProvider().start();
        moda = new FakeTenant().start().replyWith(body -> null);
        pizza = new FakeTenant().start().replyWith(body -> null);
        Map<String, String> env = TestGateway.environment(dir, provider.graphUrl(), provider.twilioUrl());
        Module fixedClock = binder -> binder.bind(Clock.class).toInstance(clock);
        gateway = TestGateway.start(env, fixedClock);
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/tenants",
                                "{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\","
                                        + "\"instanceUrl\":\"" + moda.url() + "\",\"whatsapp\":{\"phoneNumber\":\"+"
                                        + MODA_DISPLAY + "\","
                                        + "\"phoneId\":\"" + MODA_PHONE_ID
                                        + "\",\"provider\":\"facebook\",\"accessToken\":\"moda-token\"}}")
                        .code())
                .isEqualTo(201);
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/tenants",
                                "{\"id\":\"pizza-sp\",\"subdomain\":\"pizza-sp\","
                                        + "\"instanceUrl\":\"" + pizza.url() + "\",\"whatsapp\":{\"phoneNumber\":\""
                                        + PIZZA_NUMBER + "\","
                                        + "\"provider\":\"twilio\"}}")
                        .code())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        gateway.close();
        moda.close();
        pizza.close();
        provider.close();
    }

    @Test
    void aCustomersMetaPhotoReachesTheStoreWithAUrlThatStreamsTheGraphBytesFetchedWithTheNumbersToken()
            throws Exception {
        provider.metaMedia("1420539718966254", "moda-token", "image/jpeg", PHOTO);

        JsonNode image = postMetaMedia(
                "wamid.IMG1",
                "image",
                "{\"caption\":\"Tem essa em azul?\",\"mime_type\":"
                        + "\"image/jpeg\",\"sha256\":\"m0hTm8XlIHBGq1KmOWV0cFnMHF3g4ExQSq/m3fGPTTo=\",\"id\":\"1420539718966254\","
                        + "\"url\":\"https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1420539718966254&ext=1\"}");

        assertThat(image.path("mediaId").asText()).isEqualTo("1420539718966254");
        assertThat(image.path("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(image.path("caption").asText()).isEqualTo("Tem essa em azul?");
        String url = image.path("url").asText();
        assertThat(url).startsWith("http://localhost:" + gateway.gateway().port() + "/media/");
        try (Response response = get(url)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(PHOTO.length));
            assertThat(response.body().bytes()).isEqualTo(PHOTO);
        }
        assertThat(provider.requests())
                .extracting(FakeMediaProvider.Seen::path, FakeMediaProvider.Seen::authorization)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "/v25.0/1420539718966254?phone_number_id=" + MODA_PHONE_ID, "Bearer moda-token"),
                        org.assertj.core.groups.Tuple.tuple("/download/x/1420539718966254", "Bearer moda-token"));
    }

    @Test
    void aTwilioVoiceNoteReachesTheStoreWithAUrlThatStreamsTheMediaUrlFetchedWithTheAccountsBasicAuth()
            throws Exception {
        byte[] voice = "OggS voice note".getBytes(StandardCharsets.US_ASCII);
        String mediaUrl = provider.twilioMedia(
                TwilioPayloads.MAIN_ACCOUNT_SID,
                TestGateway.TWILIO_MAIN_TOKEN,
                "MM0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "ME0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "audio/ogg",
                voice);
        TwilioPayloads form = TwilioPayloads.message(
                        "MM0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                        "+" + CUSTOMER,
                        PIZZA_NUMBER,
                        TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "audio")
                .put("NumMedia", "1")
                .put("MediaContentType0", "audio/ogg")
                .put("MediaUrl0", mediaUrl);

        assertThat(gateway.postTwilioWebhook(form, TestGateway.TWILIO_MAIN_TOKEN)
                        .code())
                .isEqualTo(200);

        Eventually.within(WAIT, "the store is called", () -> pizza.calls().size() == 1);
        JsonNode audio = pizza.calls().get(0).body().path("audio");
        assertThat(audio.path("mediaUrl").asText()).isEqualTo(mediaUrl);
        try (Response response = get(audio.path("url").asText())) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("audio/ogg");
            assertThat(response.body().bytes()).isEqualTo(voice);
        }
        assertThat(provider.requests())
                .filteredOn(r -> r.path().contains("/Media/"))
                .singleElement()
                .extracting(FakeMediaProvider.Seen::authorization)
                .isEqualTo(okhttp3.Credentials.basic(TwilioPayloads.MAIN_ACCOUNT_SID, TestGateway.TWILIO_MAIN_TOKEN));
    }

    @Test
    void aForgedLinkIsForbiddenAndNothingIsAskedOfTheProvider() throws Exception {
        provider.metaMedia("2001", "moda-token", "image/jpeg", PHOTO);
        String url = postMetaMedia("wamid.IMG2", "image", "{\"mime_type\":\"image/jpeg\",\"id\":\"2001\"}")
                .path("url")
                .asText();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherMedia = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                        .replace("\n2001", "\n2002")
                        .getBytes(StandardCharsets.UTF_8));
        int before = provider.requests().size();

        for (String forged : new String[] {
            otherMedia + "." + signature, payload + "." + flip(signature), "garbage", payload, "." + signature
        }) {
            try (Response response = get(gateway.baseUrl() + "/media/" + forged)) {
                assertThat(response.code()).as(forged).isEqualTo(403);
                assertThat(response.body().string()).contains("media_link_invalid");
            }
        }
        assertThat(provider.requests()).hasSize(before);
    }

    @Test
    void aLinkIsValidForAnHourAndForbiddenAfterwards() throws Exception {
        provider.metaMedia("3001", "moda-token", "application/pdf", PHOTO);
        String url = postMetaMedia(
                        "wamid.DOC1",
                        "document",
                        "{\"filename\":\"pedido.pdf\",\"mime_type\":" + "\"application/pdf\",\"id\":\"3001\"}")
                .path("url")
                .asText();

        clock.advance(Duration.ofMinutes(59));
        try (Response response = get(url)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(response.body().bytes()).isEqualTo(PHOTO);
        }
        clock.advance(Duration.ofMinutes(1));
        try (Response response = get(url)) {
            assertThat(response.code()).isEqualTo(403);
        }
    }

    @Test
    void mediaTheProviderNoLongerHasIsGone() throws Exception {
        String metaUrl = postMetaMedia("wamid.IMG3", "image", "{\"mime_type\":\"image/jpeg\",\"id\":\"4040\"}")
                .path("url")
                .asText();
        try (Response response = get(metaUrl)) {
            assertThat(response.code()).isEqualTo(410);
            assertThat(response.body().string()).contains("media_gone");
        }

        TwilioPayloads form = TwilioPayloads.message(
                        "MM99999999999999999999999999999999",
                        "+" + CUSTOMER,
                        PIZZA_NUMBER,
                        TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "image")
                .put("NumMedia", "1")
                .put("MediaContentType0", "image/jpeg")
                .put(
                        "MediaUrl0",
                        provider.twilioMediaUrl(
                                TwilioPayloads.MAIN_ACCOUNT_SID, "MM99999999999999999999999999999999", "ME404"));
        assertThat(gateway.postTwilioWebhook(form, TestGateway.TWILIO_MAIN_TOKEN)
                        .code())
                .isEqualTo(200);
        Eventually.within(WAIT, "the store is called", () -> pizza.calls().size() == 1);
        try (Response response =
                get(pizza.calls().get(0).body().path("image").path("url").asText())) {
            assertThat(response.code()).isEqualTo(410);
        }
    }

    @Test
    void a50MegabyteDocumentStreamsThroughTheGatewayBeforeTheProviderHasSentIt() throws Exception {
        long size = 50L * 1024 * 1024;
        FakeMediaProvider.GatedBody body = new FakeMediaProvider.GatedBody(size, 1024 * 1024);
        provider.metaMedia("5050", "moda-token", "application/pdf", body);
        String url = postMetaMedia(
                        "wamid.BIG1",
                        "document",
                        "{\"filename\":\"catalogo.pdf\",\"mime_type\":" + "\"application/pdf\",\"id\":\"5050\"}")
                .path("url")
                .asText();

        try (Response response = get(url);
                InputStream in = response.body().byteStream()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Length")).isEqualTo(Long.toString(size));
            byte[] first = CompletableFuture.supplyAsync(() -> readQuietly(in, 256 * 1024))
                    .get(10, TimeUnit.SECONDS);
            assertThat(body.passedGate())
                    .as("the provider is still holding back all but its first megabyte")
                    .isFalse();
            for (int i = 0; i < first.length; i++) {
                assertThat(first[i]).isEqualTo(FakeMediaProvider.byteAt(i));
            }
            body.open();
            long offset = first.length;
            byte[] chunk = new byte[64 * 1024];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != FakeMediaProvider.byteAt(offset + i)) {
                        throw new AssertionError("byte " + (offset + i) + " differs");
                    }
                }
                offset += n;
            }
            assertThat(offset).isEqualTo(size);
        }
    }

    @Test
    void givenAPublicUrlWhenMediaIsForwardedThenItsLinkIsUnderThatUrl() throws Exception {
        gateway.close();
        Map<String, String> env = TestGateway.environment(dir, provider.graphUrl(), provider.twilioUrl());
        env.put("GATEWAY_PUBLIC_URL", "https://gateway.vendin.example/wa/");
        gateway = TestGateway.start(env, binder -> binder.bind(Clock.class).toInstance(clock));

        String url = postMetaMedia(
                        "wamid.IMG9",
                        "sticker",
                        "{\"mime_type\":\"image/webp\",\"id\":\"9009\"," + "\"animated\":false}")
                .path("url")
                .asText();

        assertThat(url).startsWith("https://gateway.vendin.example/wa/media/");
        provider.metaMedia("9009", "moda-token", "image/webp", PHOTO);
        try (Response response = get(gateway.baseUrl() + url.substring(url.indexOf("/media/")))) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("image/webp");
        }
    }

    /** Posts a Meta webhook with one media message of {@code type} and returns the details the store received. */
    private JsonNode postMetaMedia(String wamid, String type, String typeJson) {
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"" + MODA_DISPLAY
                + "\",\"phone_number_id\":\"" + MODA_PHONE_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                + "\"wa_id\":\"" + CUSTOMER + "\"}],\"messages\":[{\"from\":\"" + CUSTOMER + "\",\"id\":\"" + wamid
                + "\",\"timestamp\":\"" + clock.instant().getEpochSecond() + "\",\"type\":\"" + type + "\",\"" + type
                + "\":" + typeJson + "}]}";
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .rawChange("messages", value)
                                .json())
                        .code())
                .isEqualTo(200);
        Eventually.within(
                WAIT,
                "the store receives " + wamid,
                () -> moda.calls().stream().anyMatch(c -> c.messageId().equals(wamid)));
        JsonNode body = moda.calls().stream()
                .filter(c -> c.messageId().equals(wamid))
                .findFirst()
                .orElseThrow()
                .body();
        assertThat(body.path("type").asText()).isEqualTo(type);
        return body.path(type);
    }

    private static Response get(String url) throws IOException {
        return CLIENT.newCall(new Request.Builder().url(url).get().build()).execute();
    }

    private static byte[] readQuietly(InputStream in, int length) {
        try {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The text with its first character changed (the last one of a base64 MAC may carry only padding bits). */
    private static String flip(String text) {
        return (text.charAt(0) == 'A' ? 'B' : 'A') + text.substring(1);
    }
}
