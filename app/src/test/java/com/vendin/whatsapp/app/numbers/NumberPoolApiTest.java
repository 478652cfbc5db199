package com.vendin.whatsapp.app.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The number pool (CONTRACT §5.3 B) over real HTTP against the production graph and a real SQLite file. */
class NumberPoolApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant store;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        store = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        store.close();
        graph.close();
    }

    @Test
    void fiftyConcurrentAssignmentsForFiftyTenantsAgainstTenNumbersTenSucceedEachNumberOnceFortyGet409()
            throws Exception {
        for (int i = 0; i < 10; i++) {
            addToPool("+1555200" + String.format("%04d", i), "70000000000" + String.format("%04d", i), null);
        }
        addToPool("+15552999999", "799999999999999", "reserved");
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tenants.add(createTenant("store-" + i, null));
        }

        List<HttpResult> results = concurrently(tenants);

        List<HttpResult> won = results.stream().filter(r -> r.code() == 200).toList();
        List<HttpResult> lost = results.stream().filter(r -> r.code() != 200).toList();
        assertThat(won).hasSize(10);
        assertThat(lost).hasSize(40).allSatisfy(r -> {
            assertThat(r.code()).isEqualTo(409);
            assertThat(r.errorCode()).isEqualTo("no_numbers_available");
        });
        assertThat(won)
                .extracting(r -> r.json().path("phoneNumber").asText())
                .doesNotHaveDuplicates()
                .allMatch(n -> n.startsWith("+1555200"));
        List<JsonNode> pool = items(gateway.admin("GET", "/api/v1/number-pool", null));
        assertThat(pool)
                .filteredOn(n -> n.path("status").asText().equals("assigned"))
                .hasSize(10)
                .extracting(n -> n.path("tenantId").asText())
                .doesNotHaveDuplicates();
        assertThat(pool)
                .filteredOn(n -> n.path("phoneNumber").asText().equals("+15552999999"))
                .singleElement()
                .satisfies(n -> assertThat(n.path("status").asText()).isEqualTo("reserved"));
        Map<String, String> numberByTenant = new HashMap<>();
        for (String tenant : tenants) {
            JsonNode whatsapp = gateway.admin("GET", "/api/v1/tenants/" + tenant, null)
                    .json()
                    .path("whatsapp");
            if (!whatsapp.isMissingNode() && !whatsapp.isNull()) {
                numberByTenant.put(tenant, whatsapp.path("phoneNumber").asText());
            }
        }
        assertThat(numberByTenant).hasSize(10);
        assertThat(numberByTenant.values()).doesNotHaveDuplicates();
        for (JsonNode n : pool) {
            if (n.path("status").asText().equals("assigned")) {
                assertThat(numberByTenant.get(n.path("tenantId").asText()))
                        .isEqualTo(n.path("phoneNumber").asText());
            }
        }
    }

    @Test
    void reservedNumbersAreNeverHandedOutAndReleasingMakesANumberAvailableAgain() {
        addToPool("+15553000001", "710000000000001", "reserved");
        createTenant("alpha", null);
        createTenant("beta", null);

        HttpResult none = gateway.admin("POST", "/api/v1/tenants/alpha/whatsapp/pool-assignment", null);
        assertThat(none.code()).isEqualTo(409);
        assertThat(none.errorCode()).isEqualTo("no_numbers_available");

        HttpResult patched = gateway.admin("PATCH", "/api/v1/number-pool/%2B15553000001", "{\"status\":\"available\"}");
        assertThat(patched.code()).isEqualTo(200);
        assertThat(patched.json().path("status").asText()).isEqualTo("available");
        HttpResult assigned = gateway.admin("POST", "/api/v1/tenants/alpha/whatsapp/pool-assignment", null);
        assertThat(assigned.code()).isEqualTo(200);
        assertThat(assigned.json().path("phoneNumber").asText()).isEqualTo("+15553000001");
        assertThat(assigned.json().path("phoneId").asText()).isEqualTo("710000000000001");

        HttpResult again = gateway.admin("POST", "/api/v1/tenants/alpha/whatsapp/pool-assignment", "{}");
        assertThat(again.code()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("tenant_has_number");
        HttpResult reserveAssigned =
                gateway.admin("PATCH", "/api/v1/number-pool/+15553000001", "{\"status\":\"reserved\"}");
        assertThat(reserveAssigned.code()).isEqualTo(409);
        assertThat(reserveAssigned.errorCode()).isEqualTo("number_assigned");

        assertThat(gateway.admin("DELETE", "/api/v1/tenants/alpha/whatsapp/pool-assignment", null)
                        .code())
                .isEqualTo(204);
        assertThat(gateway.admin("GET", "/api/v1/tenants/alpha", null)
                                .json()
                                .path("whatsapp")
                                .isMissingNode()
                        || gateway.admin("GET", "/api/v1/tenants/alpha", null)
                                .json()
                                .path("whatsapp")
                                .isNull())
                .isTrue();
        assertThat(statusOf("+15553000001")).isEqualTo("available");
        HttpResult toBeta = gateway.admin("POST", "/api/v1/tenants/beta/whatsapp/pool-assignment", null);
        assertThat(toBeta.code()).isEqualTo(200);
        assertThat(toBeta.json().path("phoneNumber").asText()).isEqualTo("+15553000001");
    }

    @Test
    void deletingATenantReturnsItsPoolNumber() {
        addToPool("+15553000002", "710000000000002", null);
        createTenant("gone", null);
        assertThat(gateway.admin("POST", "/api/v1/tenants/gone/whatsapp/pool-assignment", null)
                        .code())
                .isEqualTo(200);

        assertThat(gateway.admin("DELETE", "/api/v1/tenants/gone", null).code()).isEqualTo(204);

        assertThat(statusOf("+15553000002")).isEqualTo("available");
    }

    @Test
    void patchingAwayAPoolNumberReturnsItToThePoolButKeepingItDoesNot() {
        addToPool("+15553000003", "710000000000003", null);
        addToPool("+15553000004", "710000000000004", null);
        createTenant("movida", null);
        createTenant("fica", null);
        assertThat(gateway.admin("POST", "/api/v1/tenants/movida/whatsapp/pool-assignment", null)
                        .code())
                .isEqualTo(200);
        assertThat(gateway.admin("POST", "/api/v1/tenants/fica/whatsapp/pool-assignment", null)
                        .code())
                .isEqualTo(200);

        HttpResult moved = gateway.admin(
                "PATCH",
                "/api/v1/tenants/movida",
                "{\"whatsapp\":{\"phoneNumber\":"
                        + "\"+5511977770000\",\"phoneId\":\"720000000000001\",\"accessToken\":\"own-token\"}}");
        HttpResult renamed = gateway.admin("PATCH", "/api/v1/tenants/fica", "{\"subdomain\":\"fica-nova\"}");

        assertThat(moved.code()).as(moved.body()).isEqualTo(200);
        assertThat(renamed.code()).as(renamed.body()).isEqualTo(200);
        assertThat(List.of(statusOf("+15553000003"), statusOf("+15553000004")))
                .containsOnly("available", "assigned")
                .doesNotHaveDuplicates();
        String movidaHad = statusOf("+15553000003").equals("available") ? "+15553000003" : "+15553000004";
        assertThat(gateway.admin("GET", "/api/v1/tenants/fica", null)
                        .json()
                        .path("whatsapp")
                        .path("phoneNumber")
                        .asText())
                .isNotEqualTo(movidaHad);
    }

    @Test
    void addingANumberTwiceOrOneATenantUsesIs409AndBadInputIs400() {
        addToPool("+15553000003", "710000000000003", null);
        HttpResult twice =
                gateway.admin("POST", "/api/v1/number-pool", "{\"phoneNumber\":\"+1 555 300 0003\",\"phoneId\":\"1\"}");
        assertThat(twice.code()).isEqualTo(409);
        assertThat(twice.errorCode()).isEqualTo("number_exists");
        createTenant(
                "own-number",
                "{\"phoneNumber\":\"+15553000004\",\"phoneId\":\"710000000000004\",\"provider\":\"facebook\"}");
        HttpResult taken = gateway.admin(
                "POST", "/api/v1/number-pool", "{\"phoneNumber\":\"+15553000004\",\"phoneId\":\"710000000000004\"}");
        assertThat(taken.code()).isEqualTo(409);
        assertThat(taken.errorCode()).isEqualTo("phone_number_taken");
        assertThat(gateway.admin("POST", "/api/v1/number-pool", "{\"phoneNumber\":\"12\",\"phoneId\":\"1\"}")
                        .errorCode())
                .isEqualTo("invalid_phone_number");
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/number-pool",
                                "{\"phoneNumber\":\"+15553000005\",\"phoneId\":\"1\",\"status\":\"assigned\"}")
                        .errorCode())
                .isEqualTo("invalid_status");
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/number-pool",
                                "{\"phoneNumber\":\"+15553000005\",\"phoneId\":\"1\",\"color\":\"red\"}")
                        .errorCode())
                .isEqualTo("unknown_field");
        assertThat(gateway.admin("POST", "/api/v1/tenants/nobody/whatsapp/pool-assignment", null)
                        .errorCode())
                .isEqualTo("tenant_not_found");
    }

    @Test
    void aCustomerMessageToAnAssignedPoolNumberReachesTheTenantAndIsAnsweredWithThePlatformToken() {
        addToPool("+15553000006", "710000000000006", null);
        createTenant("pool-store", null);
        assertThat(gateway.admin("POST", "/api/v1/tenants/pool-store/whatsapp/pool-assignment", null)
                        .code())
                .isEqualTo(200);

        String body = MetaPayloads.webhook()
                .text("710000000000006", "15553000006", "5511988887777", "wamid.POOL1", "Oi, loja!")
                .json();
        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(WAIT, "the pool store is called", () -> store.calls().size() == 1);
        assertThat(store.calls().get(0).body().path("tenantId").asText()).isEqualTo("pool-store");
        assertThat(store.calls().get(0).body().path("role").asText()).isEqualTo("customer");
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).path()).isEqualTo("/v25.0/710000000000006/messages");
        assertThat(graph.sends().get(0).authorization()).isEqualTo("Bearer " + TestGateway.PLATFORM_TOKEN);
    }

    private List<HttpResult> concurrently(List<String> tenants) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tenants.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResult>> futures = new ArrayList<>();
            for (String tenant : tenants) {
                futures.add(executor.submit(() -> {
                    go.await();
                    return gateway.admin("POST", "/api/v1/tenants/" + tenant + "/whatsapp/pool-assignment", null);
                }));
            }
            go.countDown();
            List<HttpResult> results = new ArrayList<>();
            for (Future<HttpResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    private void addToPool(String number, String phoneId, String status) {
        String body = "{\"phoneNumber\":\"" + number + "\",\"phoneId\":\"" + phoneId + "\""
                + (status == null ? "" : ",\"status\":\"" + status + "\"") + "}";
        HttpResult added = gateway.admin("POST", "/api/v1/number-pool", body);
        assertThat(added.code()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("status").asText()).isEqualTo(status == null ? "available" : status);
    }

    private String createTenant(String id, String whatsapp) {
        HttpResult created = gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\",\"instanceUrl\":\"" + store.url() + "\""
                        + (whatsapp == null ? "" : ",\"whatsapp\":" + whatsapp) + "}");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        return id;
    }

    private String statusOf(String number) {
        return items(gateway.admin("GET", "/api/v1/number-pool", null)).stream()
                .filter(n -> n.path("phoneNumber").asText().equals(number))
                .findFirst()
                .map(n -> n.path("status").asText())
                .orElse("absent");
    }

    private static List<JsonNode> items(HttpResult result) {
        assertThat(result.code()).isEqualTo(200);
        return StreamSupport.stream(result.json().path("items").spliterator(), false)
                .toList();
    }
}
