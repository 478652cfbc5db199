package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import com.vendin.whatsapp.app.support.CapturedLogs;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin phone registration over real HTTP (CONTRACT §5.2): the production graph with its clock replaced by
 * a {@link MutableClock}, Meta's Graph API played by {@link FakeGraph} capturing the codes, a real SQLite file.
 */
class AdminPhoneRegistrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String OWNER_TYPED = "+55 (11) 99991-1111";
    private static final String OWNER = "+5511999911111";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private FakeGraph graph;
    private FakeTenant moda;
    private FakeTenant tech;
    private TestGateway gateway;

    @BeforeEach
    void start() throws IOException {
        graph = new FakeGraph().start();
        moda = new FakeTenant().start();
        tech = new FakeTenant().start();
    }

    private void boot(Map<String, String> extraEnv) {
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.putAll(extraEnv);
        Module fixedClock = binder -> binder.bind(Clock.class).toInstance(clock);
        gateway = TestGateway.start(env, fixedClock);
        createTenant("moda-brasil", moda);
        createTenant("tech-store", tech);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        moda.close();
        tech.close();
        graph.close();
    }

    @Test
    void ownerAsksForACodeConfirmsItAndFromThenOnTheirMessagesToThePlatformReachTheStoreAsAdmin() {
        boot(Map.of());

        HttpResult asked = ask("moda-brasil", OWNER_TYPED, "user-1");

        assertThat(asked.code()).as(asked.body()).isEqualTo(202);
        assertThat(Instant.parse(asked.json().path("expiresAt").asText()))
                .isEqualTo(clock.instant().plusSeconds(300));
        assertThat(graph.sends()).hasSize(1);
        FakeGraph.Send send = graph.sends().get(0);
        assertThat(send.path()).isEqualTo("/v25.0/" + TestGateway.PLATFORM_PHONE_ID + "/messages");
        assertThat(send.authorization()).isEqualTo("Bearer " + TestGateway.PLATFORM_TOKEN);
        assertThat(send.to()).isEqualTo(OWNER);
        assertThat(send.body().path("type").asText()).isEqualTo("text");

        HttpResult confirmed = confirm("moda-brasil", OWNER_TYPED, codeIn(send), "user-1");

        assertThat(confirmed.code()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().path("phone").asText()).isEqualTo(OWNER);
        assertThat(confirmed.json().path("userId").asText()).isEqualTo("user-1");
        assertThat(confirmed.json().path("id").asText()).isNotBlank();
        JsonNode listed = gateway.admin("GET", "/api/v1/tenants/moda-brasil/admin-phones", null)
                .json();
        assertThat(listed.path("items"))
                .extracting(item -> item.path("phone").asText())
                .containsExactly(OWNER);

        String webhook = MetaPayloads.webhook()
                .text(
                        TestGateway.PLATFORM_PHONE_ID,
                        TestGateway.PLATFORM_NUMBER.substring(1),
                        "5511999911111",
                        "wamid.ADMIN1",
                        "Quantas vendas hoje?")
                .json();
        assertThat(gateway.postMetaWebhook(webhook).code()).isEqualTo(200);
        Eventually.within(
                WAIT, "the store is called for its owner", () -> moda.calls().size() == 1);
        JsonNode forwarded = moda.calls().get(0).body();
        assertThat(forwarded.path("role").asText()).isEqualTo("admin");
        assertThat(forwarded.path("tenantId").asText()).isEqualTo("moda-brasil");
        assertThat(forwarded.path("from").asText()).isEqualTo(OWNER);
        assertThat(tech.calls()).isEmpty();
    }

    @Test
    void withAnAuthenticationTemplateTheCodeGoesInTheBodyParameterAndTheCopyCodeButton() {
        boot(Map.of("WHATSAPP_OTP_TEMPLATE", "vendin_code", "WHATSAPP_OTP_TEMPLATE_LANGUAGE", "pt_BR"));

        assertThat(ask("moda-brasil", OWNER_TYPED, "user-1").code()).isEqualTo(202);

        JsonNode body = graph.sends().get(0).body();
        assertThat(body.path("type").asText()).isEqualTo("template");
        assertThat(body.path("to").asText()).isEqualTo(OWNER);
        JsonNode template = body.path("template");
        assertThat(template.path("name").asText()).isEqualTo("vendin_code");
        assertThat(template.path("language").path("code").asText()).isEqualTo("pt_BR");
        JsonNode bodyComponent = template.path("components").path(0);
        JsonNode button = template.path("components").path(1);
        String code = bodyComponent.path("parameters").path(0).path("text").asText();
        assertThat(code).matches("[0-9]{6}");
        assertThat(bodyComponent.path("type").asText()).isEqualTo("body");
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("sub_type").asText()).isEqualTo("url");
        assertThat(button.path("index").asText()).isEqualTo("0");
        assertThat(button.path("parameters").path(0).path("text").asText()).isEqualTo(code);
        assertThat(body.has("text")).isFalse();
        assertThat(confirm("moda-brasil", OWNER, code, "user-1").code()).isEqualTo(201);
    }

    @Test
    void afterFiveWrongCodesTheRightOneIsRefusedUntilANewCodeIsAskedFor() {
        boot(Map.of());
        ask("moda-brasil", OWNER, "user-1");
        String code = codeIn(graph.sends().get(0));

        for (int i = 1; i <= 5; i++) {
            HttpResult wrong = confirm("moda-brasil", OWNER, wrong(code, i), "user-1");
            assertThat(wrong.code()).as("wrong try %d", i).isEqualTo(400);
            assertThat(wrong.errorCode()).isEqualTo("invalid_otp");
        }
        HttpResult right = confirm("moda-brasil", OWNER, code, "user-1");

        assertThat(right.code()).isEqualTo(429);
        assertThat(right.errorCode()).isEqualTo("too_many_attempts");
        assertThat(confirm("moda-brasil", OWNER, code, "user-1").errorCode()).isEqualTo("too_many_attempts");

        clock.advance(Duration.ofSeconds(60));
        assertThat(ask("moda-brasil", OWNER, "user-1").code()).isEqualTo(202);
        assertThat(confirm("moda-brasil", OWNER, codeIn(graph.sends().get(1)), "user-1")
                        .code())
                .isEqualTo(201);
    }

    @Test
    void anExpiredCodeAUsedCodeAndACodeOfAnotherTenantOrUserAreAllInvalid() {
        boot(Map.of());
        ask("moda-brasil", OWNER, "user-1");
        String first = codeIn(graph.sends().get(0));
        clock.advance(Duration.ofMinutes(5));

        HttpResult expired = confirm("moda-brasil", OWNER, first, "user-1");

        assertThat(expired.code()).isEqualTo(400);
        assertThat(expired.errorCode()).isEqualTo("invalid_otp");

        assertThat(ask("moda-brasil", OWNER, "user-1").code()).isEqualTo(202);
        String second = codeIn(graph.sends().get(1));
        HttpResult otherTenant = confirm("tech-store", OWNER, second, "user-1");
        HttpResult otherUser = confirm("moda-brasil", OWNER, second, "user-2");
        assertThat(otherTenant.code()).isEqualTo(400);
        assertThat(otherTenant.errorCode()).isEqualTo("invalid_otp");
        assertThat(otherUser.errorCode()).isEqualTo("invalid_otp");
        assertThat(gateway.admin("GET", "/api/v1/tenants/tech-store/admin-phones", null)
                        .json()
                        .path("items"))
                .isEmpty();

        assertThat(confirm("moda-brasil", OWNER, second, "user-1").code()).isEqualTo(201);
        HttpResult used = confirm("moda-brasil", OWNER, second, "user-1");
        assertThat(used.code()).isEqualTo(400);
        assertThat(used.errorCode()).isEqualTo("invalid_otp");
    }

    @Test
    void twoConfirmationsOfOneCodeAtTheSameMomentRegisterItExactlyOnce() throws Exception {
        boot(Map.of());
        ask("moda-brasil", OWNER, "user-1");
        String code = codeIn(graph.sends().get(0));
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResult>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return confirm("moda-brasil", OWNER, code, "user-1");
                }));
            }
            go.countDown();
            for (Future<HttpResult> result : results) {
                statuses.add(result.get(30, TimeUnit.SECONDS).code());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 400);
        assertThat(gateway.admin("GET", "/api/v1/tenants/moda-brasil/admin-phones", null)
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void aSecondRequestWithinAMinuteIsRefusedAndTheCodeIsNowhereInTheLogsOrTheDatabase() throws IOException {
        try (CapturedLogs logs = CapturedLogs.attach()) {
            boot(Map.of());
            assertThat(ask("moda-brasil", OWNER_TYPED, "user-1").code()).isEqualTo(202);
            String code = codeIn(graph.sends().get(0));
            clock.advance(Duration.ofSeconds(59));

            HttpResult again = ask("moda-brasil", OWNER, "user-1");

            assertThat(again.code()).isEqualTo(429);
            assertThat(again.errorCode()).isEqualTo("too_many_requests");
            assertThat(graph.sends()).hasSize(1);
            assertThat(confirm("moda-brasil", OWNER, code, "user-1").code()).isEqualTo(201);
            assertThat(logs.lines()).as("log lines were captured").isNotEmpty();
            assertThat(logs.lines()).noneMatch(line -> containsCode(line, code));
            assertThat(databaseFiles())
                    .isNotEmpty()
                    .allSatisfy(file -> assertThat(containsCode(
                                    new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), code))
                            .as("%s holds the code", file.getFileName())
                            .isFalse());
        }
    }

    @Test
    void atMostFiveCodesAnHourReachOnePhone() {
        boot(Map.of());
        for (int i = 0; i < 5; i++) {
            assertThat(ask("moda-brasil", OWNER, "user-1").code())
                    .as("code %d", i + 1)
                    .isEqualTo(202);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(ask("moda-brasil", OWNER, "user-1").errorCode()).isEqualTo("too_many_requests");
        clock.advance(Duration.ofMinutes(56));
        assertThat(ask("moda-brasil", OWNER, "user-1").code()).isEqualTo(202);
        assertThat(graph.sends()).hasSize(6);
    }

    @Test
    void aRegisteredPhoneIsRefusedFirstAndCanBeRemoved() {
        boot(Map.of());
        ask("moda-brasil", OWNER, "user-1");
        confirm("moda-brasil", OWNER, codeIn(graph.sends().get(0)), "user-1");

        HttpResult taken = ask("tech-store", "+55 11 9991-1111", "user-9");
        HttpResult badPhone = ask("tech-store", "call me", "user-9");

        assertThat(taken.code()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("phone_already_registered");
        assertThat(badPhone.code()).isEqualTo(400);
        assertThat(badPhone.errorCode()).isEqualTo("invalid_phone_number");
        assertThat(graph.sends()).hasSize(1);
        assertThat(gateway.admin("DELETE", "/api/v1/tenants/moda-brasil/admin-phones/%2B5511999911111", null)
                        .code())
                .isEqualTo(204);
        assertThat(gateway.admin("GET", "/api/v1/tenants/moda-brasil/admin-phones", null)
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(gateway.admin("DELETE", "/api/v1/tenants/moda-brasil/admin-phones/5511999911111", null)
                        .code())
                .isEqualTo(404);
        assertThat(ask("nobody", OWNER, "user-1").errorCode()).isEqualTo("tenant_not_found");
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/tenants/moda-brasil/admin-phones",
                                "{\"phone\":\"" + OWNER + "\",\"otp\":\"123456\",\"userId\":\"u\",\"extra\":1}")
                        .errorCode())
                .isEqualTo("unknown_field");
    }

    @Test
    void whenWhatsAppCannotBeReachedTheRequestIsA502WithTheProvidersCode() {
        boot(Map.of("FACEBOOK_GRAPH_URL", "http://127.0.0.1:1/v25.0"));

        HttpResult asked = ask("moda-brasil", OWNER, "user-1");

        assertThat(asked.code()).isEqualTo(502);
        assertThat(asked.errorCode()).isEqualTo("provider_error");
        assertThat(asked.body()).contains("network");
    }

    private HttpResult ask(String tenant, String phone, String userId) {
        return gateway.admin(
                "POST",
                "/api/v1/tenants/" + tenant + "/admin-phones/verifications",
                "{\"phone\":\"" + phone + "\",\"userId\":\"" + userId + "\"}");
    }

    private HttpResult confirm(String tenant, String phone, String otp, String userId) {
        return gateway.admin(
                "POST",
                "/api/v1/tenants/" + tenant + "/admin-phones",
                "{\"phone\":\"" + phone + "\",\"otp\":\"" + otp + "\",\"userId\":\"" + userId + "\"}");
    }

    private static String codeIn(FakeGraph.Send send) {
        Matcher matcher = SIX_DIGITS.matcher(send.text());
        assertThat(matcher.find()).as("a six-digit code in '%s'", send.text()).isTrue();
        return matcher.group();
    }

    private static String wrong(String code, int offset) {
        return String.format("%06d", (Integer.parseInt(code) + offset) % 1_000_000);
    }

    private static boolean containsCode(String text, String code) {
        return Pattern.compile("(?<![0-9])" + code + "(?![0-9])").matcher(text).find();
    }

    private List<Path> databaseFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("gateway.db"))
                    .toList();
        }
    }

    private void createTenant(String id, FakeTenant tenant) {
        HttpResult created = gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\",\"instanceUrl\":\"" + tenant.url() + "\"}");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }
}
