package com.vendin.whatsapp.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.tenant.ManageTenants.CreateTenant;
import com.vendin.whatsapp.ports.tenant.ManageTenants.UpdateTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantApiTest {
    private static final String CREATE = "{\"id\":\"moda-brasil\",\"subdomain\":\"moda\","
            + "\"instanceUrl\":\"http://10.0.0.5:3000/agent\",\"whatsapp\":{\"phoneNumber\":\"+5511999991111\","
            + "\"phoneId\":\"520000000000002\",\"provider\":\"facebook\",\"accessToken\":\"EAAG-secret-token\"}}";

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenAFullBodyWhenCreatedThen201WithTheInstanceSecretButNoToken() {
        Reply reply = server.admin("POST", "/api/v1/tenants", CREATE);

        assertThat(reply.status()).isEqualTo(201);
        JsonNode tenant = Json.parse(reply.body());
        assertThat(tenant.path("id").asText()).isEqualTo("moda-brasil");
        assertThat(tenant.path("subdomain").asText()).isEqualTo("moda");
        assertThat(tenant.path("instanceUrl").asText()).isEqualTo("http://10.0.0.5:3000/agent");
        assertThat(tenant.path("instanceSecret").asText()).startsWith("instance-secret-");
        assertThat(tenant.at("/whatsapp/phoneNumber").asText()).isEqualTo("+5511999991111");
        assertThat(tenant.at("/whatsapp/provider").asText()).isEqualTo("facebook");
        assertThat(tenant.at("/whatsapp/status").asText()).isEqualTo("active");
        assertThat(tenant.at("/whatsapp/hasAccessToken").asBoolean()).isTrue();
        assertThat(tenant.path("createdAt").asText()).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(reply.body()).doesNotContain("EAAG-secret-token");
        CreateTenant command = server.tenants.lastCreate();
        assertThat(command.id()).contains("moda-brasil");
        assertThat(command.whatsapp().orElseThrow().provider()).contains(Provider.FACEBOOK);
        assertThat(command.whatsapp().orElseThrow().accessToken()).contains("EAAG-secret-token");
    }

    @Test
    void givenAMinimalBodyWhenCreatedThenWhatsappIsAbsent() {
        Reply reply =
                server.admin("POST", "/api/v1/tenants", "{\"subdomain\":\"s\",\"instanceUrl\":\"https://s.example\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(Json.parse(reply.body()).path("whatsapp").isNull()).isTrue();
        assertThat(server.tenants.lastCreate().id()).isEmpty();
        assertThat(server.tenants.lastCreate().whatsapp()).isEmpty();
    }

    @Test
    void givenAnExistingTenantWhenReadThenNoSecretOrTokenIsShown() {
        server.admin("POST", "/api/v1/tenants", CREATE);

        Reply reply = server.admin("GET", "/api/v1/tenants/moda-brasil", null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode tenant = Json.parse(reply.body());
        assertThat(tenant.has("instanceSecret")).isFalse();
        assertThat(tenant.at("/whatsapp/phoneId").asText()).isEqualTo("520000000000002");
        assertThat(tenant.at("/whatsapp/hasAccessToken").asBoolean()).isTrue();
        assertThat(tenant.at("/whatsapp").has("accessToken")).isFalse();
        assertThat(reply.body()).doesNotContain("EAAG-secret-token").doesNotContain("instance-secret-");
    }

    @Test
    void givenNoSuchTenantWhenReadThen404TenantNotFound() {
        assertThat(code(server.admin("GET", "/api/v1/tenants/ghost", null))).isEqualTo("tenant_not_found");
        Reply badId = server.admin("GET", "/api/v1/tenants/bad%20id!", null);
        assertThat(badId.status()).isEqualTo(404);
        assertThat(code(badId)).isEqualTo("tenant_not_found");
    }

    @Test
    void givenWhatsappNullWhenPatchedThenTheNumberIsRemoved() {
        server.admin("POST", "/api/v1/tenants", CREATE);

        Reply reply = server.admin("PATCH", "/api/v1/tenants/moda-brasil", "{\"whatsapp\":null}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.parse(reply.body()).path("whatsapp").isNull()).isTrue();
        UpdateTenant command = server.tenants.lastUpdate();
        assertThat(command.removeWhatsapp()).isTrue();
        assertThat(command.whatsapp()).isEmpty();
    }

    @Test
    void givenOnlyASubdomainWhenPatchedThenOtherFieldsStayAbsent() {
        server.admin("POST", "/api/v1/tenants", CREATE);

        Reply reply = server.admin("PATCH", "/api/v1/tenants/moda-brasil", "{\"subdomain\":\"moda2\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.parse(reply.body()).path("subdomain").asText()).isEqualTo("moda2");
        UpdateTenant command = server.tenants.lastUpdate();
        assertThat(command.subdomain()).contains("moda2");
        assertThat(command.instanceUrl()).isEmpty();
        assertThat(command.whatsapp()).isEmpty();
        assertThat(command.removeWhatsapp()).isFalse();
    }

    @Test
    void givenATwilioNumberWhenPatchedThenItsFieldsArePassedOn() {
        server.admin("POST", "/api/v1/tenants", CREATE);

        Reply reply = server.admin(
                "PATCH",
                "/api/v1/tenants/moda-brasil",
                "{\"whatsapp\":{\"provider\":\"twilio\","
                        + "\"phoneNumber\":\"+5511999992222\",\"twilioAccountSid\":\"AC123\",\"twilioAuthToken\":\"tw-secret\"}}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode whatsapp = Json.parse(reply.body()).path("whatsapp");
        assertThat(whatsapp.path("provider").asText()).isEqualTo("twilio");
        assertThat(whatsapp.path("twilioAccountSid").asText()).isEqualTo("AC123");
        assertThat(whatsapp.path("hasTwilioAuthToken").asBoolean()).isTrue();
        assertThat(reply.body()).doesNotContain("tw-secret");
        assertThat(server.tenants.lastUpdate().whatsapp().orElseThrow().twilioAuthToken())
                .contains("tw-secret");
    }

    @Test
    void givenATenantWhenDeletedThen204AndGone() {
        server.admin("POST", "/api/v1/tenants", CREATE);

        Reply reply = server.admin("DELETE", "/api/v1/tenants/moda-brasil", null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(server.tenants.contains("moda-brasil")).isFalse();
        assertThat(server.admin("DELETE", "/api/v1/tenants/moda-brasil", null).status())
                .isEqualTo(404);
    }

    @Test
    void givenATenantWhenTheInstanceSecretIsRotatedThenAFreshOneIsReturned() {
        String first = Json.parse(
                        server.admin("POST", "/api/v1/tenants", CREATE).body())
                .path("instanceSecret")
                .asText();

        Reply empty = server.admin("POST", "/api/v1/tenants/moda-brasil/instance-secret", null);
        Reply emptyObject = server.admin("POST", "/api/v1/tenants/moda-brasil/instance-secret", "{}");

        assertThat(empty.status()).isEqualTo(200);
        String second = Json.parse(empty.body()).path("instanceSecret").asText();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(emptyObject.status()).isEqualTo(200);
        assertThat(Json.parse(emptyObject.body()).path("instanceSecret").asText())
                .isNotEqualTo(second);
    }

    @Test
    void givenInputToAPostThatTakesNoneWhenRotatedThen400() {
        server.admin("POST", "/api/v1/tenants", CREATE);

        Reply field = server.admin("POST", "/api/v1/tenants/moda-brasil/instance-secret", "{\"length\":64}");
        Reply notJson = server.admin("POST", "/api/v1/tenants/moda-brasil/instance-secret", "please");

        assertThat(field.status()).isEqualTo(400);
        assertThat(code(field)).isEqualTo("unknown_field");
        assertThat(message(field)).contains("length");
        assertThat(code(notJson)).isEqualTo("invalid_json");
    }

    private static String code(Reply reply) {
        return Json.parse(reply.body()).at("/error/code").asText();
    }

    private static String message(Reply reply) {
        return Json.parse(reply.body()).at("/error/message").asText();
    }
}
