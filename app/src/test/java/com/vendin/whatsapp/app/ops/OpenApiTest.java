package com.vendin.whatsapp.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.http.GatewayHttpServer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI document served at {@code /api/v1/openapi.json} describes exactly the admin routes the gateway serves. */
class OpenApiTest {
    @TempDir
    Path dir;

    private TestGateway gateway;

    @BeforeEach
    void start() {
        gateway = TestGateway.start(TestGateway.environment(dir, "http://127.0.0.1:9/v25.0"));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void givenRunningGatewayWhenDocumentReadThenEveryRegisteredAdminRouteIsDocumentedAndNoOther() {
        Set<String> registered = new TreeSet<>(gateway.instance(GatewayHttpServer.class).routes().stream()
                .filter(r -> r.contains(" /api/v1"))
                .toList());

        assertThat(registered).contains("GET /api/v1/dead-letters", "POST /api/v1/tenants");
        assertThat(documented()).isEqualTo(registered);
    }

    @Test
    void givenEveryDocumentedOperationWhenCalledThenRouteExists() {
        for (String operation : documented()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{id}", "no-such-id");
            String body =
                    method.equals("PATCH") || path.equals("/api/v1/tenants") && method.equals("POST") ? "{}" : null;

            HttpResult answer = gateway.admin(method, path, body);

            assertThat(answer.code()).as(operation + ": " + answer.body()).isNotEqualTo(405);
            if (answer.code() == 404) {
                assertThat(answer.errorCode())
                        .as(operation + " is a route, not a missing one")
                        .isNotEqualTo("not_found");
            }
        }
    }

    @Test
    void givenTenantWhenListedThenListedWithItsNumberAndNoSecret() {
        AdminCalls.createMetaTenant(
                gateway, "moda-brasil", "http://127.0.0.1:9/", "+5511999911111", "100000000000001", "moda-token");

        HttpResult list = gateway.admin("GET", "/api/v1/tenants", null);

        assertThat(AdminCalls.items(list)).singleElement().satisfies(t -> {
            assertThat(t.path("id").asText()).isEqualTo("moda-brasil");
            assertThat(t.path("whatsapp").path("phoneNumber").asText()).isEqualTo("+5511999911111");
        });
        assertThat(list.body()).doesNotContain("moda-token").doesNotContain("instanceSecret");
        assertThat(gateway.get("/api/v1/openapi.json").code())
                .as("the document is behind the admin token")
                .isEqualTo(401);
    }

    private Set<String> documented() {
        HttpResult document = gateway.admin("GET", "/api/v1/openapi.json", null);
        assertThat(document.code()).isEqualTo(200);
        JsonNode json = document.json();
        assertThat(json.path("openapi").asText()).startsWith("3.");
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = json.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue()
                    .fieldNames()
                    .forEachRemaining(m -> operations.add(m.toUpperCase(Locale.ROOT) + " " + path.getKey()));
        }
        return operations;
    }
}
