package com.vendin.whatsapp.persistence.deadletter;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import com.vendin.whatsapp.ports.deadletter.DeadLetterStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Dead letters are the {@code dead} inbound messages and the {@code failed} reply parts no provider accepted,
 * merged most recently given up first; a requeue is one conditional update.
 */
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
        List<DeadLetter> all = new ArrayList<>(db.inRead(handle -> {
            DeadLetterDao dao = handle.attach(DeadLetterDao.class);
            List<DeadLetter> both = new ArrayList<>(dao.list(limit));
            both.addAll(dao.failedParts(limit));
            return both;
        }));
        all.sort(Comparator.comparing(DeadLetter::deadAt).reversed());
        return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
    }

    @Override
    public boolean requeuePart(long partId, Instant now) {
        return db.inWrite(handle -> handle.attach(DeadLetterDao.class).requeuePart(partId, now.toEpochMilli())) > 0;
    }

    @Override
    public boolean requeue(long inboundId, Instant now) {
        return db.inWrite(handle -> handle.attach(DeadLetterDao.class).requeue(inboundId, now.toEpochMilli())) > 0;
    }
}
