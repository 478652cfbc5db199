package com.vendin.whatsapp.persistence.identity;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.inbound.StandbyItem;
import com.vendin.whatsapp.ports.inbound.StandbyLog;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@code standby} items in {@code standby_items}, one batch per webhook; an item key already recorded is skipped. */
public final class JdbiStandbyLog implements StandbyLog {
    private static final String INSERT = "INSERT INTO standby_items (item_key, provider, kind, to_phone_id, to_number, "
            + "sender, type, text, item_ts, created_at) VALUES (:key, :provider, :kind, :toPhoneId, :toNumber, :sender, "
            + ":type, :text, :ts, :now) ON CONFLICT (item_key) DO NOTHING";

    private final Database db;
    private final Clock clock;

    public JdbiStandbyLog(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public int record(List<StandbyItem> items) {
        if (items.isEmpty()) {
            return 0;
        }
        long now = clock.millis();
        return db.inWrite(handle -> {
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (StandbyItem item : items) {
                batch.bind("key", item.key())
                        .bind("provider", item.provider().wireName())
                        .bind("kind", item.kind().wireName())
                        .bind("toPhoneId", item.to().phoneId().orElse(null))
                        .bind("toNumber", item.to().number())
                        .bind("sender", item.sender().orElse(null))
                        .bind("type", item.type())
                        .bind("text", item.text())
                        .bind("ts", item.timestamp().toEpochMilli())
                        .bind("now", now)
                        .add();
            }
            int recorded = 0;
            for (int count : batch.execute()) {
                recorded += Math.max(count, 0);
            }
            return recorded;
        });
    }
}
