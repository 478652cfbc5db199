package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §5.1: a taken subdomain is 409 {@code subdomain_taken}, whether or not the create names an id. */
class SubdomainTakenTest {
    private static final String URL = "http://127.0.0.1:9/";

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
    void givenTenantNamedAfterItsSubdomainWhenAnotherIsCreatedWithoutIdOnTheSameSubdomainThen409SubdomainTaken() {
        assertThat(create("{\"subdomain\":\"moda\",\"instanceUrl\":\"" + URL + "\"}")
                        .code())
                .isEqualTo(201);

        HttpResult second = create("{\"subdomain\":\"moda\",\"instanceUrl\":\"http://127.0.0.1:10/\"}");

        assertThat(second.code()).as(second.body()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("subdomain_taken");
        assertThat(AdminCalls.items(gateway.admin("GET", "/api/v1/tenants", null)))
                .singleElement()
                .satisfies(t -> assertThat(t.path("instanceUrl").asText()).isEqualTo(URL));
    }

    @Test
    void givenSubdomainHeldByTenantWithAnotherIdWhenCreatedWithoutIdOrWithANewIdThen409SubdomainTaken() {
        assertThat(create("{\"id\":\"store-1\",\"subdomain\":\"moda\",\"instanceUrl\":\"" + URL + "\"}")
                        .code())
                .isEqualTo(201);

        HttpResult withoutId = create("{\"subdomain\":\"moda\",\"instanceUrl\":\"" + URL + "\"}");
        HttpResult withNewId = create("{\"id\":\"store-2\",\"subdomain\":\"moda\",\"instanceUrl\":\"" + URL + "\"}");

        assertThat(withoutId.code()).as(withoutId.body()).isEqualTo(409);
        assertThat(withoutId.errorCode()).isEqualTo("subdomain_taken");
        assertThat(withNewId.code()).as(withNewId.body()).isEqualTo(409);
        assertThat(withNewId.errorCode()).isEqualTo("subdomain_taken");
    }

    @Test
    void givenTenantWhoseSubdomainChangedWhenCreatedWithoutIdOnItsOldSubdomainThenCreatedUnderAFreeId() {
        assertThat(create("{\"subdomain\":\"moda\",\"instanceUrl\":\"" + URL + "\"}")
                        .code())
                .isEqualTo(201);
        assertThat(gateway.admin("PATCH", "/api/v1/tenants/moda", "{\"subdomain\":\"moda-nova\"}")
                        .code())
                .isEqualTo(200);

        HttpResult created = create("{\"subdomain\":\"moda\",\"instanceUrl\":\"" + URL + "\"}");

        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("id").asText()).isEqualTo("moda-2");
        assertThat(created.json().path("subdomain").asText()).isEqualTo("moda");
        assertThat(gateway.admin("GET", "/api/v1/tenants/moda", null)
                        .json()
                        .path("subdomain")
                        .asText())
                .isEqualTo("moda-nova");
    }

    private HttpResult create(String json) {
        return gateway.admin("POST", "/api/v1/tenants", json);
    }
}
