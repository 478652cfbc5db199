package com.vendin.whatsapp.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.GatewayRejection.Kind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rejections, unknown routes, wrong methods and unexpected failures all answer in the error format. */
class ErrorMappingTest {
    private static final Map<Kind, Integer> STATUS = Map.of(
            Kind.INVALID,
            400,
            Kind.UNAUTHORIZED,
            401,
            Kind.NOT_FOUND,
            404,
            Kind.CONFLICT,
            409,
            Kind.TOO_LARGE,
            413,
            Kind.TOO_MANY,
            429,
            Kind.PROVIDER_ERROR,
            502,
            Kind.UNAVAILABLE,
            503);

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyRejectionKindMapsToItsStatusWithCodeAndMessage() {
        assertThat(STATUS).hasSize(Kind.values().length);
        for (Kind kind : Kind.values()) {
            server.tenants.failNextWith(new GatewayRejection(kind, "some_code", "Something about " + kind + "."));

            Reply reply = server.admin("GET", "/api/v1/tenants/t1", null);

            assertThat(reply.status()).as(kind.name()).isEqualTo(STATUS.get(kind));
            JsonNode error = Json.parse(reply.body()).path("error");
            assertThat(error.path("code").asText()).isEqualTo("some_code");
            assertThat(error.path("message").asText()).isEqualTo("Something about " + kind + ".");
            assertThat(error.has("providerCode")).isFalse();
        }
    }

    @Test
    void givenAProviderErrorWhenAnsweredThenItsProviderCodeIsIncluded() {
        server.tenants.failNextWith(
                new GatewayRejection(Kind.PROVIDER_ERROR, "provider_error", "Meta refused the code.", "190"));

        Reply reply = server.admin("POST", "/api/v1/tenants", "{\"subdomain\":\"s\",\"instanceUrl\":\"http://x\"}");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(Json.parse(reply.body()).at("/error/providerCode").asText()).isEqualTo("190");
    }

    @Test
    void givenAConflictWhenCreatedThen409WithTheUseCaseCode() {
        server.tenants.failNextWith(GatewayRejection.conflict("subdomain_taken", "The subdomain moda is taken."));

        Reply reply = server.admin("POST", "/api/v1/tenants", "{\"subdomain\":\"moda\",\"instanceUrl\":\"http://x\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("subdomain_taken");
    }

    @Test
    void givenAnUnexpectedFailureWhenAnsweredThen500InTheErrorFormatWithoutDetails() {
        server.tenants.failNextWith(new IllegalStateException("connection string jdbc:secret"));

        Reply reply = server.admin("GET", "/api/v1/tenants/t1", null);

        assertThat(reply.status()).isEqualTo(500);
        assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("internal_error");
        assertThat(reply.body()).doesNotContain("jdbc:secret");
    }

    @Test
    void givenAnUnknownRouteWhenCalledThen404NotFoundJson() {
        for (Reply reply : new Reply[] {
            server.admin("GET", "/api/v1/nothing-here", null), server.call("GET", "/nothing-here", null, Map.of())
        }) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/json");
            assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("not_found");
        }
    }

    @Test
    void givenAWrongMethodWhenCalledThen405Json() {
        for (Reply reply : new Reply[] {
            server.admin("PUT", "/api/v1/tenants/t1", "{}"),
            server.call("DELETE", "/webhooks/whatsapp/facebook", null, Map.of()),
            server.call("POST", "/health", null, Map.of())
        }) {
            assertThat(reply.status()).isEqualTo(405);
            assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("method_not_allowed");
        }
    }
}
