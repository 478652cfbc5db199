package com.vendin.whatsapp.persistence.send;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.ContentCodec;
import com.vendin.whatsapp.ports.send.SendReceipt;
import com.vendin.whatsapp.ports.send.SendStore;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Tenant-initiated sends (CONTRACT §3.2): parts go into {@code outbound_messages} with no inbound message, in
 * the thread they were addressed to; idempotency keys live in {@code send_idempotency_keys}, whose primary key
 * {@code (tenant_id, idempotency_key)} is claimed in the same transaction that queues the parts. On PostgreSQL
 * a second transaction claiming the same key waits for the first at {@code ON CONFLICT DO NOTHING} and, once
 * that one committed, reads its receipt (READ COMMITTED: each statement sees what was committed before it).
 */
public final class JdbiSendStore implements SendStore {
    static final String PART_PREFIX = "out-";
    private static final String QUEUED = "pending";

    private static final String LAST_CUSTOMER_MESSAGE = "SELECT provider_ts FROM inbound_messages "
            + "WHERE tenant_id = :tenantId AND thread_id = :threadId AND role = 'customer' "
            + "ORDER BY provider_ts DESC LIMIT 1";
    private static final String HAS_INBOUND = "SELECT COUNT(*) FROM inbound_messages "
            + "WHERE provider_message_id = :providerMessageId AND tenant_id = :tenantId";
    private static final String FIND_KEY = "SELECT send_id, part_ids FROM send_idempotency_keys "
            + "WHERE tenant_id = :tenantId AND idempotency_key = :key AND created_at >= :notBefore";
    private static final String PRUNE_KEYS = "DELETE FROM send_idempotency_keys WHERE created_at < :notBefore";
    private static final String CLAIM_KEY = "INSERT INTO send_idempotency_keys (tenant_id, idempotency_key, send_id, "
            + "part_ids, created_at) VALUES (:tenantId, :key, :sendId, '', :now) "
            + "ON CONFLICT (tenant_id, idempotency_key) DO NOTHING";
    private static final String KEEP_PARTS = "UPDATE send_idempotency_keys SET part_ids = :partIds "
            + "WHERE tenant_id = :tenantId AND idempotency_key = :key";
    private static final String INSERT_PART = "INSERT INTO outbound_messages (inbound_id, tenant_id, thread_id, "
            + "part_index, part_count, provider, via_platform, from_phone_id, to_raw, text, state, attempts, "
            + "next_attempt_at, created_at, updated_at, reply_to, content_type, content_json) "
            + "VALUES (NULL, :tenantId, :threadId, :partIndex, :partCount, :provider, :viaPlatform, :fromPhoneId, "
            + ":toRaw, :text, 'pending', 0, :now, :now, :now, :replyTo, :contentType, :contentJson) RETURNING id";

    private final Database db;

    public JdbiSendStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<Instant> lastCustomerMessage(TenantId tenantId, String threadId) {
        return db.inRead(handle -> handle.createQuery(LAST_CUSTOMER_MESSAGE)
                        .bind("tenantId", tenantId.value())
                        .bind("threadId", threadId)
                        .mapTo(Long.class)
                        .findFirst())
                .map(Instant::ofEpochMilli);
    }

    @Override
    public boolean hasInbound(TenantId tenantId, String providerMessageId) {
        return db.inRead(handle -> handle.createQuery(HAS_INBOUND)
                        .bind("providerMessageId", providerMessageId)
                        .bind("tenantId", tenantId.value())
                        .mapTo(Long.class)
                        .one())
                > 0;
    }

    @Override
    public Optional<SendReceipt> findByKey(TenantId tenantId, String idempotencyKey, Instant notBefore) {
        return db.inRead(handle -> kept(handle, tenantId, idempotencyKey, notBefore.toEpochMilli()));
    }

    @Override
    public SendReceipt queue(QueuedSend send) {
        long now = send.now().toEpochMilli();
        return db.inWrite(handle -> {
            if (send.idempotencyKey().isPresent()) {
                String key = send.idempotencyKey().get();
                handle.createUpdate(PRUNE_KEYS)
                        .bind("notBefore", send.keyNotBefore().toEpochMilli())
                        .execute();
                int claimed = handle.createUpdate(CLAIM_KEY)
                        .bind("tenantId", send.tenantId().value())
                        .bind("key", key)
                        .bind("sendId", send.sendId())
                        .bind("now", now)
                        .execute();
                if (claimed == 0) {
                    return kept(handle, send.tenantId(), key, Long.MIN_VALUE)
                            .orElseThrow(() -> new IllegalStateException(
                                    "idempotency key " + key + " is held but could not be read"));
                }
            }
            List<Long> ids = insertParts(handle, send, now);
            send.idempotencyKey()
                    .ifPresent(key -> handle.createUpdate(KEEP_PARTS)
                            .bind(
                                    "partIds",
                                    String.join(
                                            ",",
                                            ids.stream().map(String::valueOf).toList()))
                            .bind("tenantId", send.tenantId().value())
                            .bind("key", key)
                            .execute());
            return receipt(send.sendId(), ids);
        });
    }

    private static List<Long> insertParts(Handle handle, QueuedSend send, long now) {
        List<Long> ids = new ArrayList<>(send.parts().size());
        for (int i = 0; i < send.parts().size(); i++) {
            QueuedPart part = send.parts().get(i);
            ids.add(handle.createQuery(INSERT_PART)
                    .bind("tenantId", send.tenantId().value())
                    .bind("threadId", send.threadId())
                    .bind("partIndex", i)
                    .bind("partCount", send.parts().size())
                    .bind("provider", send.route().provider().wireName())
                    .bind("viaPlatform", send.route().viaPlatform())
                    .bind("fromPhoneId", send.route().fromPhoneId().orElse(null))
                    .bind("toRaw", send.route().to())
                    .bind("text", part.text())
                    .bind("now", now)
                    .bind("replyTo", send.replyTo().orElse(null))
                    .bind("contentType", ContentCodec.type(part.content()))
                    .bind("contentJson", ContentCodec.json(part.content()))
                    .mapTo(Long.class)
                    .one());
        }
        return ids;
    }

    private static Optional<SendReceipt> kept(Handle handle, TenantId tenantId, String key, long notBefore) {
        return handle.createQuery(FIND_KEY)
                .bind("tenantId", tenantId.value())
                .bind("key", key)
                .bind("notBefore", notBefore)
                .map((rs, ctx) -> receipt(
                        rs.getString("send_id"),
                        Arrays.stream(rs.getString("part_ids").split(","))
                                .filter(s -> !s.isEmpty())
                                .map(Long::valueOf)
                                .toList()))
                .findFirst();
    }

    /** The first answer: every part was queued {@code pending}. */
    private static SendReceipt receipt(String sendId, List<Long> partIds) {
        return new SendReceipt(
                sendId,
                partIds.stream()
                        .map(id -> new SendReceipt.Part(PART_PREFIX + id, QUEUED))
                        .toList());
    }
}
