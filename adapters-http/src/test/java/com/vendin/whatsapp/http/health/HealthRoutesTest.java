package com.vendin.whatsapp.http.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import com.vendin.whatsapp.ports.health.HealthCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthRoutesTest {

    @Test
    void givenEveryCheckPassesWhenAskedThen200OkWithoutAToken() {
        try (TestServer server = TestServer.start(TestServer.config(), List.of(TestServer.healthy("database")))) {
            Reply reply = server.call("GET", "/health", null, Map.of());

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = Json.parse(reply.body());
            assertThat(body.path("status").asText()).isEqualTo("ok");
            assertThat(body.at("/checks/database").asText()).isEqualTo("ok");
        }
    }

    @Test
    void givenAFailingCheckWhenAskedThen503NamingIt() {
        try (TestServer server = TestServer.start(
                TestServer.config(),
                List.of(
                        TestServer.healthy("database"),
                        TestServer.check("redis", HealthCheck.Result.failing("connection refused"))))) {
            Reply reply = server.call("GET", "/health", null, Map.of());

            assertThat(reply.status()).isEqualTo(503);
            JsonNode body = Json.parse(reply.body());
            assertThat(body.path("status").asText()).isEqualTo("failing");
            assertThat(body.at("/checks/database").asText()).isEqualTo("ok");
            assertThat(body.at("/checks/redis").asText()).isEqualTo("connection refused");
        }
    }

    @Test
    void givenACheckThatThrowsWhenAskedThen503() {
        HealthCheck throwing = new HealthCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public Result check() {
                throw new IllegalStateException("boom");
            }
        };
        try (TestServer server = TestServer.start(TestServer.config(), List.of(throwing))) {
            Reply reply = server.call("GET", "/health", null, Map.of());

            assertThat(reply.status()).isEqualTo(503);
            assertThat(Json.parse(reply.body()).at("/checks/database").asText()).isNotEqualTo("ok");
        }
    }
}
