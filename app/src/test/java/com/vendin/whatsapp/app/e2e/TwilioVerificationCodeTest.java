package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.TestGateway;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code WHATSAPP_PROVIDER=twilio} the code leaves from the Twilio platform number, templated or as text. */
class TwilioVerificationCodeTest {
    private static final String SID = "AC00000000000000000000000000000001";
    private static final String TOKEN = "twilio-main-token";
    private static final String FROM = "+15550002222";
    private static final String OWNER = "+5511999911111";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant moda;
    private TestGateway gateway;

    @BeforeEach
    void start() throws IOException {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        moda = new FakeTenant().start();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        moda.close();
        twilio.close();
        graph.close();
    }

    private void boot(Map<String, String> extra) {
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("WHATSAPP_PROVIDER", "twilio");
        env.put("TWILIO_ACCOUNT_SID", SID);
        env.put("TWILIO_AUTH_TOKEN", TOKEN);
        env.put("TWILIO_WHATSAPP_FROM", FROM);
        env.put("TWILIO_API_URL", twilio.baseUrl());
        env.putAll(extra);
        gateway = TestGateway.start(env);
        HttpResult created = gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\",\"instanceUrl\":\"" + moda.url() + "\"}");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }

    @Test
    void withAContentTemplateTheCodeIsItsFirstVariableAndConfirms() throws IOException {
        boot(Map.of("TWILIO_OTP_CONTENT_SID", "HX0000000000000000000000000000abcd"));

        assertThat(ask().code()).isEqualTo(202);

        assertThat(twilio.sends()).hasSize(1);
        FakeTwilio.Send send = twilio.sends().get(0);
        assertThat(send.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(send.authorization()).isEqualTo(Credentials.basic(SID, TOKEN));
        assertThat(send.form())
                .containsEntry("From", "whatsapp:" + FROM)
                .containsEntry("To", "whatsapp:" + OWNER)
                .containsEntry("ContentSid", "HX0000000000000000000000000000abcd")
                .doesNotContainKey("Body");
        JsonNode variables = new ObjectMapper().readTree(send.form().get("ContentVariables"));
        String code = variables.path("1").asText();
        assertThat(code).matches("[0-9]{6}");
        assertThat(variables.size()).isEqualTo(1);
        assertThat(graph.sends()).isEmpty();
        assertThat(confirm(code).code()).isEqualTo(201);
    }

    @Test
    void withoutAContentTemplateTheCodeGoesAsPlainText() {
        boot(Map.of());

        assertThat(ask().code()).isEqualTo(202);

        FakeTwilio.Send send = twilio.sends().get(0);
        assertThat(send.form()).doesNotContainKey("ContentSid").containsKey("Body");
        Matcher code = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])")
                .matcher(send.form().get("Body"));
        assertThat(code.find()).isTrue();
        assertThat(confirm(code.group()).code()).isEqualTo(201);
    }

    private HttpResult ask() {
        return gateway.admin(
                "POST",
                "/api/v1/tenants/moda-brasil/admin-phones/verifications",
                "{\"phone\":\"" + OWNER + "\",\"userId\":\"user-1\"}");
    }

    private HttpResult confirm(String otp) {
        return gateway.admin(
                "POST",
                "/api/v1/tenants/moda-brasil/admin-phones",
                "{\"phone\":\"" + OWNER + "\",\"otp\":\"" + otp + "\",\"userId\":\"user-1\"}");
    }
}
