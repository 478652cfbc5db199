package com.vendin.whatsapp.persistence.message;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Statements over many ids: the ids go in {@code IN (<ids>)} lists of at most {@link #CHUNK}. */
final class InLists {
    /** Ids per statement: well under either database's limit on bound parameters. */
    static final int CHUNK = 500;

    private InLists() {}

    /** {@code ids} in consecutive pieces of at most {@link #CHUNK}. */
    static <T> List<List<T>> chunks(List<T> ids) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** Runs the update {@code sql} (naming {@code <ids>} and {@code :now}) over {@code ids}, a chunk at a time. */
    static void update(Handle handle, String sql, List<?> ids, long now) {
        for (List<?> chunk : chunks(ids)) {
            handle.createUpdate(sql).bindList("ids", chunk).bind("now", now).execute();
        }
    }
}
