package com.vendin.whatsapp.persistence.otp;

import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.otp.PendingCode;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/**
 * The {@link OtpStore} shared by every gateway instance through Redis: per phone a hash with the pending
 * code and a sorted set of issue times, both expiring after the issue window; each step is one Lua
 * script, so it is atomic across instances.
 */
public final class RedisOtpStore implements OtpStore {
    private final JedisPooled redis;
    private final String prefix;

    /** @param prefix prepended to every key (e.g. {@code wgw:}) */
    public RedisOtpStore(JedisPooled redis, String prefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public boolean issue(PhoneNumber phone, PendingCode code, Instant now, Limits limits) {
        long at = now.toEpochMilli();
        Object result = redis.eval(
                RedisOtpScripts.ISSUE,
                List.of(codeKey(phone), issuedKey(phone)),
                List.of(
                        Long.toString(at),
                        Long.toString(limits.cooldown().toMillis()),
                        Long.toString(limits.window().toMillis()),
                        Integer.toString(limits.maxPerWindow()),
                        code.codeId(),
                        code.tenantId().value(),
                        code.userId(),
                        code.saltHex(),
                        code.hashHex(),
                        Long.toString(code.expiresAt().toEpochMilli()),
                        Integer.toString(code.attempts())));
        return Long.valueOf(1L).equals(result);
    }

    @Override
    public Optional<PendingCode> countAttempt(PhoneNumber phone, Instant now) {
        Object result = redis.eval(RedisOtpScripts.COUNT_ATTEMPT, List.of(codeKey(phone)), List.of());
        if (!(result instanceof List<?> fields) || fields.size() != 7) {
            return Optional.empty();
        }
        return Optional.of(new PendingCode(
                text(fields.get(0)),
                new TenantId(text(fields.get(1))),
                text(fields.get(2)),
                text(fields.get(3)),
                text(fields.get(4)),
                Instant.ofEpochMilli(Long.parseLong(text(fields.get(5)))),
                Integer.parseInt(text(fields.get(6)))));
    }

    @Override
    public boolean consume(PhoneNumber phone, String codeId, int maxAttempts) {
        Object result = redis.eval(
                RedisOtpScripts.CONSUME, List.of(codeKey(phone)), List.of(codeId, Integer.toString(maxAttempts)));
        return Long.valueOf(1L).equals(result);
    }

    private String codeKey(PhoneNumber phone) {
        return prefix + "otp:code:" + phone.e164();
    }

    private String issuedKey(PhoneNumber phone) {
        return prefix + "otp:issued:" + phone.e164();
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
