package com.vendin.whatsapp.persistence.deadletter;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import com.vendin.whatsapp.ports.deadletter.DeadLetterStore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Dead letters are the {@code dead} inbound messages; a requeue is one conditional update. */
public final class JdbiDeadLetterStore implements DeadLetterStore {
    private final Database db;

    public JdbiDeadLetterStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<DeadLetter> list(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inRead(handle -> handle.attach(DeadLetterDao.class).list(limit));
    }

    @Override
    public boolean requeue(long inboundId, Instant now) {
        return db.inWrite(handle -> handle.attach(DeadLetterDao.class).requeue(inboundId, now.toEpochMilli())) > 0;
    }
}
