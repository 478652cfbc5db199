package com.vendin.whatsapp.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.config.GatewayConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerSizesTest {
    private static final GatewayConfig.Workers DERIVED = GatewayConfig.Workers.derived();

    @Test
    void twoCoresOnSqliteGiveThirtyTwoDeliveryAndSendWorkersAndEightForStatuses() {
        assertThat(sizes(WorkerSizes.derive(2, 8, DERIVED))).containsExactly(32, 32, 8);
    }

    @Test
    void theSmallerOfTheCpuAndTheDatabaseBoundWins() {
        assertThat(sizes(WorkerSizes.derive(8, 16, DERIVED)))
                .as("8 cores allow 128, 16 PostgreSQL connections 64")
                .containsExactly(64, 64, 16);
        assertThat(sizes(WorkerSizes.derive(2, 16, DERIVED)))
                .as("2 cores allow 32, 16 connections 64")
                .containsExactly(32, 32, 8);
    }

    @Test
    void derivedSizesStayWithinTheirBounds() {
        assertThat(sizes(WorkerSizes.derive(1, 1, DERIVED)))
                .as("one connection (in-memory SQLite) and one core")
                .containsExactly(8, 8, 2);
        assertThat(sizes(WorkerSizes.derive(128, 500, DERIVED))).containsExactly(256, 256, 64);
    }

    @Test
    void eachVariableOverridesItsOwnSizeOnly() {
        GatewayConfig.Workers delivery =
                new GatewayConfig.Workers(Optional.of(100), Optional.empty(), Optional.empty());
        GatewayConfig.Workers all = new GatewayConfig.Workers(Optional.of(3), Optional.of(2), Optional.of(1));

        assertThat(sizes(WorkerSizes.derive(2, 8, delivery))).containsExactly(100, 32, 8);
        assertThat(sizes(WorkerSizes.derive(2, 8, all))).containsExactly(3, 2, 1);
        assertThat(WorkerSizes.derive(2, 8, delivery).describe(delivery))
                .startsWith("delivery 100 (GATEWAY_DELIVERY_WORKERS), send 32, status 8 (derived from 2 cores and 8 "
                        + "database connections");
    }

    private static List<Integer> sizes(WorkerSizes sizes) {
        return List.of(sizes.delivery(), sizes.send(), sizes.status());
    }
}
