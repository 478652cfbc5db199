package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway on PostgreSQL ({@code GATEWAY_DATABASE_URL=jdbc:postgresql://...}): the Meta message path end to end. */
class PostgresMessagePathTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MODA_PHONE_ID = "100000000000001";
    private static final String MODA_DISPLAY = "5511999911111";
    private static final String CUSTOMER = "5511988887777";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant moda;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        moda = new FakeTenant().start();
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("GATEWAY_DATABASE_URL", TestPostgres.freshDatabaseUrl());
        env.put("GATEWAY_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        gateway = TestGateway.start(env);
        String json = "{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\",\"instanceUrl\":\"" + moda.url() + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"+5511999911111\",\"phoneId\":\"" + MODA_PHONE_ID + "\","
                + "\"provider\":\"facebook\",\"accessToken\":\"moda-token\"}}";
        HttpResult created = gateway.admin("POST", "/api/v1/tenants", json);
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        gateway.close();
        moda.close();
        graph.close();
    }

    @Test
    void signedWebhookReachesTheTenantItsReplyLeavesAndStatusesLandWithTheDatabaseHealthy() {
        HttpResult health = gateway.get("/health");
        assertThat(health.code()).isEqualTo(200);
        assertThat(health.json().path("checks").path("database").asText()).isEqualTo("ok");

        String body = MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.PG1", "Olá, tem a camiseta azul?", 1_795_000_000L)
                .json();
        for (int i = 0; i < 2; i++) {
            assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);
        }

        Eventually.within(WAIT, "the store is called", () -> moda.calls().size() == 1);
        assertThat(moda.calls().get(0).body().path("messageId").asText()).isEqualTo("wamid.PG1");
        assertThat(moda.calls().get(0).body().path("tenantId").asText()).isEqualTo("moda-brasil");
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        FakeGraph.Send send = graph.sends().get(0);
        assertThat(send.path()).isEqualTo("/v25.0/" + MODA_PHONE_ID + "/messages");
        assertThat(send.authorization()).isEqualTo("Bearer moda-token");
        assertThat(send.to()).isEqualTo(CUSTOMER);
        assertThat(send.text()).isEqualTo("Re: Olá, tem a camiseta azul?");
        Eventually.within(WAIT, "the inbound message is replied", () -> states().contains("replied"));

        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .status(MODA_PHONE_ID, MODA_DISPLAY, send.wamid(), "read", CUSTOMER)
                                .json())
                        .code())
                .isEqualTo(200);
        assertThat(states()).containsExactlyInAnyOrder("replied", "read");
        assertThat(moda.calls()).hasSize(1);
    }

    private List<String> states() {
        HttpResult result = gateway.admin("GET", "/api/v1/tenants/moda-brasil/messages", null);
        return StreamSupport.stream(result.json().path("items").spliterator(), false)
                .map(i -> i.path("state").asText())
                .toList();
    }
}
