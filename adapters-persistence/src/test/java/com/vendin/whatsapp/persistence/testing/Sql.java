package com.vendin.whatsapp.persistence.testing;

import com.vendin.whatsapp.persistence.db.Database;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Raw SQL against a test database, to look behind the adapters. */
public final class Sql {
    private Sql() {}

    public static String string(Database db, String sql, Object... args) {
        return db.inRead(h -> query(h, sql, args).mapTo(String.class).one());
    }

    public static long number(Database db, String sql, Object... args) {
        return db.inRead(h -> query(h, sql, args).mapTo(Long.class).one());
    }

    public static List<String> strings(Database db, String sql, Object... args) {
        return db.inRead(h -> query(h, sql, args).mapTo(String.class).list());
    }

    public static void exec(Database db, String sql, Object... args) {
        db.inRead(h -> h.execute(sql, args));
    }

    private static Query query(Handle handle, String sql, Object... args) {
        Query query = handle.createQuery(sql);
        for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
        }
        return query;
    }
}
