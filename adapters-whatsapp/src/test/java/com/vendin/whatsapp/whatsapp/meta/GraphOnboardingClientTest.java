package com.vendin.whatsapp.whatsapp.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.whatsapp.LogCapture;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphOnboardingClientTest {
    private static final String APP_SECRET = "app-secret-9c2e71";
    private static final String TOKEN = "EAAGbusiness5f0a9d";
    private static final OkHttpClient CLIENT = HttpClients.standard();

    private final MockWebServer server = new MockWebServer();
    private GraphOnboardingClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = new GraphOnboardingClient(
                CLIENT, server.url("/v25.0").toString(), Optional.of("123"), Optional.of(new Secret(APP_SECRET)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenMetaErrorsWhenEachStepFailsThenProviderErrorWithMetasCodeAndNoSecretInTheLogs() {
        try (LogCapture logs = new LogCapture(GraphOnboardingClient.class)) {
            server.enqueue(error(400, 100));
            assertThatThrownBy(() -> client.exchangeCode("the-code")).satisfies(e -> providerError(e, "100"));
            server.enqueue(error(401, 190));
            assertThatThrownBy(() -> client.phoneDetails("pid", new Secret(TOKEN)))
                    .satisfies(e -> providerError(e, "190"));
            server.enqueue(json(200, "{\"success\":false}"));
            assertThatThrownBy(() -> client.subscribeApp("waba", new Secret(TOKEN)))
                    .satisfies(e -> providerError(e, "invalid_response"));
            server.enqueue(error(400, 133016));
            assertThatThrownBy(() -> client.register("pid", new Secret("864209"), new Secret(TOKEN)))
                    .satisfies(e -> providerError(e, "133016"));

            assertThat(logs.lines())
                    .hasSize(4)
                    .allSatisfy(line -> assertThat(line)
                            .doesNotContain(APP_SECRET)
                            .doesNotContain(TOKEN)
                            .doesNotContain("the-code")
                            .doesNotContain("864209"));
        }
    }

    @Test
    void givenNoAppCredentialsWhenCodeExchangedThenNotConfiguredAndNoCall() {
        GraphOnboardingClient unconfigured =
                new GraphOnboardingClient(CLIENT, server.url("/v25.0").toString(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> unconfigured.exchangeCode("c"))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("embedded_signup_not_configured"));
        assertThat(server.getRequestCount()).isZero();
    }

    private static void providerError(Throwable e, String providerCode) {
        assertThat(e).isInstanceOf(GatewayRejection.class);
        GatewayRejection rejection = (GatewayRejection) e;
        assertThat(rejection.kind()).isEqualTo(GatewayRejection.Kind.PROVIDER_ERROR);
        assertThat(rejection.code()).isEqualTo("provider_error");
        assertThat(rejection.providerCode()).contains(providerCode);
        assertThat(rejection.getMessage()).doesNotContain(TOKEN).doesNotContain(APP_SECRET);
    }

    private static MockResponse error(int status, int code) {
        return json(
                status,
                "{\"error\":{\"message\":\"(#" + code + ") refused\",\"type\":\"OAuthException\",\"code\":" + code
                        + "}}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
