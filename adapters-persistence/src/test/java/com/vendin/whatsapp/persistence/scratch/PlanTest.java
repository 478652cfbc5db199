package com.vendin.whatsapp.persistence.scratch;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jdbi.v3.sqlobject.statement.*;
import org.slf4j.*;

class PlanTest {
    static final Logger LOG = LoggerFactory.getLogger("plan");
    @TempDir Path dir;

    @Test
    void plans() throws Exception {
        Database db = TestDatabases.migrated(dir);
        db.useWrite(h -> h.execute("ANALYZE"));
        for (String dao : List.of("message.InboundDao", "message.OutboundDao", "message.EarlyStatusDao", "query.MessageQueryDao", "tenant.TenantDao", "tenant.AdminPhoneDao")) {
            Class<?> c = Class.forName("com.vendin.whatsapp.persistence." + dao);
            for (Method m : c.getDeclaredMethods()) {
                String sql = m.isAnnotationPresent(SqlQuery.class) ? m.getAnnotation(SqlQuery.class).value()
                        : m.isAnnotationPresent(SqlUpdate.class) ? m.getAnnotation(SqlUpdate.class).value()
                        : m.isAnnotationPresent(SqlBatch.class) ? m.getAnnotation(SqlBatch.class).value() : null;
                if (sql == null) continue;
                String q = sql.replaceAll(":[a-zA-Z]+", "NULL").replace("<ids>", "NULL");
                List<String> plan = db.inRead(h -> h.createQuery("EXPLAIN QUERY PLAN " + q).map((rs, ctx) -> rs.getString("detail")).list());
                LOG.info("{}.{}: {}", c.getSimpleName(), m.getName(), plan);
            }
        }
        db.close();
    }
}
