package com.vendin.whatsapp.persistence.health;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.health.HealthCheck;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code database} check of {@code GET /health}: {@code SELECT 1} through the pool. */
public final class DatabaseHealthCheck implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealthCheck.class);

    private final Database db;

    public DatabaseHealthCheck(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        try {
            Integer one = db.inRead(handle ->
                    handle.createQuery("SELECT 1").mapTo(Integer.class).one());
            return one != null && one == 1 ? Result.ok() : Result.failing("unexpected answer to SELECT 1");
        } catch (RuntimeException e) {
            LOG.warn("database health check failed", e);
            return Result.failing("database unavailable: " + e.getClass().getSimpleName());
        }
    }
}
