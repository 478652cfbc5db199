package com.vendin.whatsapp.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad admin input is always a 400 (or 413) in the error format, never a 500, and never reaches the use case. */
class AdminBadInputTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenAnUnknownTopLevelFieldWhenCreatedThen400NamingIt() {
        Reply reply = create("{\"subdomain\":\"s\",\"instanceUrl\":\"http://x\",\"colour\":\"red\"}");

        assertError(reply, 400, "unknown_field");
        assertThat(message(reply)).contains("colour");
    }

    @Test
    void givenAnUnknownNestedFieldWhenCreatedThen400NamingIt() {
        Reply reply = create("{\"subdomain\":\"s\",\"instanceUrl\":\"http://x\",\"whatsapp\":{\"pin\":\"123456\"}}");

        assertError(reply, 400, "unknown_field");
        assertThat(message(reply)).contains("whatsapp.pin");
    }

    @Test
    void givenABodyThatIsNotJsonWhenCreatedOrPatchedThen400InvalidJson() {
        assertError(create("subdomain=s"), 400, "invalid_json");
        assertError(create("{\"subdomain\":"), 400, "invalid_json");
        assertError(create("{} {}"), 400, "invalid_json");
        assertError(create(null), 400, "invalid_json");
        assertError(server.admin("PATCH", "/api/v1/tenants/t1", "nope"), 400, "invalid_json");
    }

    @Test
    void givenWrongTypesWhenCreatedThen400InvalidRequest() {
        assertError(create("{\"subdomain\":5,\"instanceUrl\":\"http://x\"}"), 400, "invalid_request");
        assertError(create("{\"subdomain\":true,\"instanceUrl\":\"http://x\"}"), 400, "invalid_request");
        assertError(create("{\"subdomain\":{\"a\":1},\"instanceUrl\":\"http://x\"}"), 400, "invalid_request");
        assertError(
                create("{\"subdomain\":\"s\",\"instanceUrl\":\"http://x\",\"whatsapp\":\"yes\"}"),
                400,
                "invalid_request");
        assertError(create("[{\"subdomain\":\"s\"}]"), 400, "invalid_request");
        assertError(create("\"text\""), 400, "invalid_request");
    }

    @Test
    void givenAMissingRequiredFieldWhenCreatedThen400NamingIt() {
        Reply reply = create("{\"subdomain\":\"s\"}");

        assertError(reply, 400, "invalid_request");
        assertThat(message(reply)).contains("instanceUrl");
    }

    @Test
    void givenAnUnknownProviderWhenCreatedThen400InvalidProvider() {
        assertError(
                create("{\"subdomain\":\"s\",\"instanceUrl\":\"http://x\",\"whatsapp\":{\"provider\":\"sms\"}}"),
                400,
                "invalid_provider");
    }

    @Test
    void givenDeeplyNestedJsonWhenCreatedThen400NotA500() {
        String deep = "[".repeat(5000) + "]".repeat(5000);

        assertThat(create("{\"subdomain\":" + deep + "}").status()).isEqualTo(400);
    }

    @Test
    void givenABodyOverTheAdminLimitWhenCreatedThen413() {
        String big = "{\"subdomain\":\"" + "a".repeat(70_000) + "\",\"instanceUrl\":\"http://x\"}";

        assertError(create(big), 413, "payload_too_large");
    }

    private Reply create(String body) {
        Reply reply = server.admin("POST", "/api/v1/tenants", body);
        assertThat(server.tenants.lastCreate()).isNull();
        return reply;
    }

    private static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo(code);
        assertThat(Json.parse(reply.body()).at("/error/message").asText()).isNotBlank();
    }

    private static String message(Reply reply) {
        return Json.parse(reply.body()).at("/error/message").asText();
    }
}
