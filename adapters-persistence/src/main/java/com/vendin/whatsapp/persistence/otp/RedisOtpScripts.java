package com.vendin.whatsapp.persistence.otp;

/** The Lua scripts behind {@link RedisOtpStore}; Redis runs each one atomically. */
final class RedisOtpScripts {
    /** KEYS: code hash, issue set. ARGV: now, cooldown, window, max, then the code's fields. Returns 1 when issued. */
    static final String ISSUE = """
            local now = tonumber(ARGV[1])
            local window = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
            if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 0 end
            local last = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')
            if #last > 0 and tonumber(last[2]) > now - tonumber(ARGV[2]) then return 0 end
            redis.call('ZADD', KEYS[2], now, ARGV[5])
            redis.call('PEXPIRE', KEYS[2], window)
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'id', ARGV[5], 'tenant', ARGV[6], 'user', ARGV[7], 'salt', ARGV[8],
                'hash', ARGV[9], 'expires', ARGV[10], 'attempts', ARGV[11])
            redis.call('PEXPIRE', KEYS[1], window)
            return 1
            """;

    /** KEYS: code hash. Adds one attempt; returns the fields in record order, or nil when no code is pending. */
    static final String COUNT_ATTEMPT = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
            redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            return redis.call('HMGET', KEYS[1], 'id', 'tenant', 'user', 'salt', 'hash', 'expires', 'attempts')
            """;

    /** KEYS: code hash. ARGV: code id, max attempts. Deletes the code and returns 1 when it is still that code and not void. */
    static final String CONSUME = """
            if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
            if tonumber(redis.call('HGET', KEYS[1], 'attempts')) > tonumber(ARGV[2]) then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """;

    private RedisOtpScripts() {}
}
