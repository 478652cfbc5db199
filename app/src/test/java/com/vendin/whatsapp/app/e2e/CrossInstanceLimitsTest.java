package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.RedisAvailable;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TestPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one PostgreSQL database and one Redis: what one instance counted or issued holds on the
 * other — a phone's message rate limit, and a one-time code (its cooldown, its tries, its single use).
 */
class CrossInstanceLimitsTest {
    private static final String TENANT = "moda-brasil";
    private static final String PHONE_ID = "109876543210";
    private static final String DISPLAY = "5511999911111";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    @TempDir
    Path dir;

    @Test
    void givenTwoGatewaysOnOneDatabaseAndRedisWhenLimitsAndCodesAreUsedThroughBothThenTheyHoldAcrossThem()
            throws Exception {
        String redis = RedisAvailable.urlOrSkip();
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant tenant = new FakeTenant().start()) {
            Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
            env.put("GATEWAY_DATABASE_URL", TestPostgres.freshDatabaseUrl());
            env.put("REDIS_URL", redis);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            env.put("GATEWAY_SECRET_KEY", Base64.getEncoder().encodeToString(key));
            try (TestGateway first = TestGateway.start(env);
                    TestGateway second = TestGateway.start(env)) {
                AdminCalls.createMetaTenant(first, TENANT, tenant.url(), "+" + DISPLAY, PHONE_ID, "moda-token");
                assertThat(second.admin("GET", "/api/v1/tenants/" + TENANT, null)
                                .code())
                        .as("one database")
                        .isEqualTo(200);

                // The rate limit: 21 messages from one phone, alternately through either gateway.
                String sender = randomPhone();
                for (int i = 0; i < 21; i++) {
                    TestGateway gateway = i % 2 == 0 ? first : second;
                    HttpResult ack = gateway.postMetaWebhook(MetaPayloads.webhook()
                            .text(PHONE_ID, DISPLAY, sender, "wamid.X" + sender + "-" + i, "Oi " + i)
                            .json());
                    assertThat(ack.code()).isEqualTo(200);
                }
                Eventually.within(
                        Duration.ofSeconds(30),
                        "20 messages reach the tenant",
                        () -> tenant.calls().size() == 20);
                assertThat(AdminCalls.inboundState(second, TENANT, "wamid.X" + sender + "-20"))
                        .isEqualTo("rate_limited");

                // A one-time code issued through the first gateway.
                String phone = "+" + randomPhone();
                assertThat(ask(first, phone).code()).isEqualTo(202);
                assertThat(ask(second, phone).errorCode())
                        .as("the cooldown holds on the other")
                        .isEqualTo("too_many_requests");
                Eventually.within(
                        Duration.ofSeconds(20),
                        "the code is sent",
                        () -> graph.sends().stream().anyMatch(s -> s.to().equals(phone)));
                Matcher code = SIX_DIGITS.matcher(graph.sends().stream()
                        .filter(s -> s.to().equals(phone))
                        .findFirst()
                        .orElseThrow()
                        .text());
                assertThat(code.find()).isTrue();
                String wrong = code.group().equals("000000") ? "111111" : "000000";
                assertThat(confirm(second, phone, wrong).errorCode()).isEqualTo("invalid_otp");
                assertThat(confirm(second, phone, code.group()).code())
                        .as("confirmed on the other")
                        .isEqualTo(201);
                assertThat(confirm(first, phone, code.group()).code())
                        .as("and used up on both")
                        .isEqualTo(400);
                assertThat(ask(first, phone).errorCode()).isEqualTo("phone_already_registered");
            }
        }
    }

    private static HttpResult ask(TestGateway gateway, String phone) {
        return gateway.admin(
                "POST",
                "/api/v1/tenants/" + TENANT + "/admin-phones/verifications",
                "{\"phone\":\"" + phone + "\",\"userId\":\"user-1\"}");
    }

    private static HttpResult confirm(TestGateway gateway, String phone, String code) {
        return gateway.admin(
                "POST",
                "/api/v1/tenants/" + TENANT + "/admin-phones",
                "{\"phone\":\"" + phone + "\",\"otp\":\"" + code + "\",\"userId\":\"user-1\"}");
    }

    /** A Brazilian mobile no other run has used lately, so Redis starts at zero for it. */
    private static String randomPhone() {
        return "55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }
}
