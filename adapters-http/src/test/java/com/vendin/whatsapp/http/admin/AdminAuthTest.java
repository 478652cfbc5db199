package com.vendin.whatsapp.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import com.vendin.whatsapp.ports.common.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminAuthTest {
    private TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenNoAdminTokenConfiguredWhenAnyAdminCallIsMadeThen503AdminApiDisabled() {
        server.close();
        server = TestServer.start(
                new HttpConfig(0, Optional.of(new Secret("s")), Optional.empty(), Optional.empty()),
                List.of(TestServer.healthy("database")));

        for (Reply reply : List.of(
                server.admin("GET", "/api/v1/tenants/t1", null),
                server.admin("POST", "/api/v1/tenants", "{}"),
                server.admin("GET", "/api/v1/no-such-thing", null),
                server.call("GET", "/api/v1/unroutable", null, Map.of()))) {
            assertThat(reply.status()).isEqualTo(503);
            assertThat(code(reply)).isEqualTo("admin_api_disabled");
        }
        assertThat(server.call("GET", "/health", null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void givenNoTokenWhenCalledThen401Unauthorized() {
        Reply reply = server.call("GET", "/api/v1/unroutable", null, Map.of());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(code(reply)).isEqualTo("unauthorized");
        assertThat(reply.contentType()).startsWith("application/json");
    }

    @Test
    void givenWrongTokenOrSchemeWhenCalledThen401() {
        for (String header : List.of(
                "Bearer wrong",
                "Bearer " + TestServer.ADMIN_TOKEN + "x",
                "Bearer ",
                "Basic " + TestServer.ADMIN_TOKEN,
                TestServer.ADMIN_TOKEN)) {
            Reply reply = server.call("GET", "/api/v1/unroutable", null, Map.of("Authorization", header));
            assertThat(reply.status()).as(header).isEqualTo(401);
        }
    }

    @Test
    void givenTheTokenWhenCalledThenServed() {
        assertThat(server.admin("GET", "/api/v1/unroutable", null).status()).isEqualTo(200);
        assertThat(server.call(
                                "GET",
                                "/api/v1/unroutable",
                                null,
                                Map.of("Authorization", "bearer " + TestServer.ADMIN_TOKEN))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenNoTokenWhenAWriteIsAttemptedThenNothingReachesTheUseCase() {
        Reply reply = server.call(
                "POST",
                "/api/v1/tenants",
                "{\"subdomain\":\"loja\",\"instanceUrl\":\"http://loja.internal\"}",
                Map.of());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(server.tenants.lastCreate()).isNull();
    }

    private static String code(Reply reply) {
        return Json.parse(reply.body()).at("/error/code").asText();
    }
}
