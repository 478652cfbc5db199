package com.vendin.whatsapp.persistence.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.ports.health.HealthCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class DatabaseHealthCheckTest {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    @Test
    void givenOpenDatabaseWhenCheckedThenHealthyUnderTheNameDatabase() {
        try (Database db = backend.migrated(dir)) {
            DatabaseHealthCheck check = new DatabaseHealthCheck(db);

            assertThat(check.name()).isEqualTo("database");
            assertThat(check.check()).isEqualTo(HealthCheck.Result.ok());
        }
    }

    @Test
    void givenClosedDatabaseWhenCheckedThenFailingWithoutThrowing() {
        Database db = backend.migrated(dir);
        db.close();

        HealthCheck.Result result = new DatabaseHealthCheck(db).check();

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).startsWith("database unavailable");
    }
}
