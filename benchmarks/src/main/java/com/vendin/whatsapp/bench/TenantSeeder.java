package com.vendin.whatsapp.bench;

import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantRepository;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Creates the benchmark's tenants {@code bench-000000 ...}, each with its own store number, Meta phone id
 * and access token, and the one mock tenant as instance: through the admin API of a running gateway
 * (the real path), or, for many tenants, straight into the database before the gateway starts, with the
 * gateway's own repository and credential cipher (the same {@code GATEWAY_SECRET_KEY}).
 */
public final class TenantSeeder {
    private static final int BATCH = 1_000;
    private static final String INSERT = "INSERT INTO tenants (id, subdomain, instance_url, instance_secret, "
            + "whatsapp_phone_number, whatsapp_phone_id, whatsapp_provider, whatsapp_access_token, whatsapp_status, "
            + "created_at, updated_at) VALUES (:id, :subdomain, :instanceUrl, :instanceSecret, :phoneNumber, :phoneId, "
            + ":provider, :accessToken, :status, :now, :now)";

    private TenantSeeder() {}

    static void throughAdminApi(String gatewayUrl, String adminToken, int tenants, String instanceUrl)
            throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(4, Daemons.named("seed"));
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < tenants; i++) {
                int index = i;
                calls.add(pool.submit(() -> create(client, gatewayUrl, adminToken, index, instanceUrl)));
            }
            for (Future<?> call : calls) {
                try {
                    call.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(
                            "creating a tenant failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Void create(HttpClient client, String gatewayUrl, String adminToken, int index, String instanceUrl)
            throws IOException, InterruptedException {
        String id = BenchNumbers.tenantId(index);
        String json = "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\",\"instanceUrl\":\"" + instanceUrl + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"" + BenchNumbers.storeNumber(index) + "\",\"phoneId\":\""
                + BenchNumbers.phoneId(index) + "\",\"provider\":\"facebook\",\"accessToken\":\"EAAB-bench-" + index
                + "\"}}";
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/v1/tenants"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST /api/v1/tenants answered " + response.statusCode() + ": " + response.body());
        }
        return null;
    }

    /**
     * Migrates the schema and stores the tenants; the gateway must not be running. The first tenant goes
     * through {@link JdbiTenantRepository#insert} (one transaction each would take minutes for 100,000);
     * the others are batched into the same columns, 1,000 a transaction, with credentials sealed by the
     * same {@link CredentialCipher}; the last one is then read back through the repository and compared.
     */
    public static void intoDatabase(String jdbcUrl, String secretKeyBase64, int tenants, String instanceUrl) {
        CredentialCipher cipher = CredentialCipher.fromBase64(secretKeyBase64);
        try (Database db = Database.open(jdbcUrl)) {
            db.migrate();
            JdbiTenantRepository repository = new JdbiTenantRepository(db, cipher, Clock.systemUTC());
            Instant now = Instant.now();
            URI instance = URI.create(instanceUrl);
            repository.insert(tenant(0, instance, now));
            for (int from = 1; from < tenants; from += BATCH) {
                int start = from;
                int end = Math.min(tenants, from + BATCH);
                db.useWrite(handle -> {
                    PreparedBatch batch = handle.prepareBatch(INSERT);
                    for (int i = start; i < end; i++) {
                        Tenant t = tenant(i, instance, now);
                        WhatsAppNumber n = t.whatsapp().orElseThrow();
                        batch.bind("id", t.id().value())
                                .bind("subdomain", t.subdomain())
                                .bind("instanceUrl", t.instanceUrl().toString())
                                .bind(
                                        "instanceSecret",
                                        cipher.encrypt(t.instanceSecret().reveal()))
                                .bind("phoneNumber", n.phoneNumber().e164())
                                .bind("phoneId", n.phoneId().orElseThrow())
                                .bind("provider", n.provider().wireName())
                                .bind(
                                        "accessToken",
                                        cipher.encrypt(
                                                n.accessToken().orElseThrow().reveal()))
                                .bind("status", n.status().wireName())
                                .bind("now", now.toEpochMilli())
                                .add();
                    }
                    batch.execute();
                });
            }
            Tenant last = tenant(tenants - 1, instance, now);
            Tenant stored = repository
                    .findById(last.id())
                    .orElseThrow(
                            () -> new IllegalStateException("a seeded tenant is not found through the repository"));
            if (!stored.whatsapp().equals(last.whatsapp())
                    || !stored.instanceSecret().equals(last.instanceSecret())
                    || !stored.instanceUrl().equals(last.instanceUrl())) {
                throw new IllegalStateException("a seeded tenant reads back differently through the repository");
            }
        }
    }

    private static Tenant tenant(int index, URI instance, Instant now) {
        String id = BenchNumbers.tenantId(index);
        WhatsAppNumber number = new WhatsAppNumber(
                new PhoneNumber(BenchNumbers.storeNumber(index)),
                Optional.of(BenchNumbers.phoneId(index)),
                Provider.FACEBOOK,
                Optional.of(new Secret("EAAB-bench-" + index)),
                Optional.empty(),
                Optional.empty(),
                NumberStatus.ACTIVE,
                Optional.empty());
        return new Tenant(
                new TenantId(id), id, instance, new Secret("instance-secret-" + index), Optional.of(number), now, now);
    }
}
