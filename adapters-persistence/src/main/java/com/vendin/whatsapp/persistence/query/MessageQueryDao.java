package com.vendin.whatsapp.persistence.query;

import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Read-only SQL over the message tables for operators. */
interface MessageQueryDao {

    /**
     * The newest {@code limit} inbound rows and the newest {@code limit} outbound parts of a tenant (each
     * read through its (tenant, created_at) index), merged newest first; at equal times a reply part
     * sorts before the message it answers. Inbound rows carry their details, parts their content; every row of a
     * customer's thread carries the provider timestamp of that thread's newest customer message (read through
     * the (tenant, thread, provider_ts) index backwards, as the send API's window check reads it).
     */
    @SqlQuery("SELECT page.*, CASE WHEN page.role = 'customer' THEN (SELECT w.provider_ts FROM inbound_messages w "
            + "WHERE w.tenant_id = :tenantId AND w.thread_id = page.thread_id AND w.role = 'customer' "
            + "ORDER BY w.provider_ts DESC LIMIT 1) END AS last_customer_ts FROM ("
            + "SELECT * FROM (SELECT 'in' AS kind, i.id, i.from_raw AS from_addr, i.to_number AS to_addr, i.type, "
            + "i.text, i.state, i.provider_message_id, i.role, i.thread_id, CAST(NULL AS BIGINT) AS in_reply_to, "
            + "CAST(NULL AS TEXT) AS error_code, "
            + "i.attempts, i.provider_ts, i.created_at, i.updated_at, i.user_id, i.username, i.tenant_id, i.provider, "
            + "i.details_json, CAST(NULL AS TEXT) AS content_type, CAST(NULL AS TEXT) AS content_json, "
            + "CAST(NULL AS TEXT) AS reply_to, 0 AS tenant_initiated FROM inbound_messages i "
            + "WHERE i.tenant_id = :tenantId ORDER BY i.created_at DESC, i.id DESC LIMIT :limit) AS inbound_page "
            + "UNION ALL "
            + "SELECT * FROM (SELECT 'out' AS kind, o.id, "
            + "COALESCE(i.to_number, (SELECT t.whatsapp_phone_number FROM tenants t WHERE t.id = o.tenant_id), '') "
            + "AS from_addr, "
            + "o.to_raw AS to_addr, CASE WHEN o.content_type IS NULL THEN 'text' WHEN o.content_type = 'twilio_template' THEN 'template' ELSE o.content_type END AS type, o.text, "
            + "o.state, o.provider_message_id, COALESCE(i.role, 'customer') AS role, o.thread_id, "
            + "COALESCE(o.inbound_id, (SELECT r.id FROM inbound_messages r WHERE r.provider_message_id = o.reply_to "
            + "AND r.tenant_id = o.tenant_id)) AS in_reply_to, "
            + "o.error_code, o.attempts, CAST(NULL AS BIGINT) AS provider_ts, o.created_at, o.updated_at, i.user_id, "
            + "i.username, o.tenant_id, o.provider, CAST(NULL AS TEXT) AS details_json, o.content_type, o.content_json, o.reply_to, "
            + "CASE WHEN o.inbound_id IS NULL THEN 1 ELSE 0 END AS tenant_initiated "
            + "FROM outbound_messages o "
            // a part a tenant sent on its own (CONTRACT §3.2) has no inbound message: it is from the store's number
            + "LEFT JOIN inbound_messages i ON i.id = o.inbound_id "
            + "WHERE o.tenant_id = :tenantId ORDER BY o.created_at DESC, o.id DESC LIMIT :limit) AS outbound_page"
            + ") AS page ORDER BY page.created_at DESC, page.kind DESC, page.id DESC LIMIT :limit")
    @RegisterRowMapper(MessageViewMapper.class)
    List<MessageView> forTenant(String tenantId, int limit);

    @SqlQuery("SELECT id, provider, provider_message_id, from_raw, to_number, to_phone_id, unroutable_reason, type, "
            + "text, provider_ts, created_at, user_id FROM inbound_messages WHERE state = 'unroutable' "
            + "ORDER BY created_at DESC, id DESC LIMIT :limit")
    @RegisterRowMapper(UnroutableViewMapper.class)
    List<UnroutableView> unroutable(int limit);
}
