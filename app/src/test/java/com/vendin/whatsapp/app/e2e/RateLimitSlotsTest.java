package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §2.3: only routed, first-seen messages count against the sender's limit; a replay takes no slot. */
class RateLimitSlotsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String TENANT = "moda-brasil";
    private static final String SENDER = "5511988887777";

    @TempDir
    Path dir;

    @Test
    void givenLimitOfThreeWhenOneMessageIsReplayedTenTimesThenTwoNewOnesStillPassAndOnlyTheFourthIsLimited()
            throws Exception {
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant tenant = new FakeTenant().start();
                TestGateway gateway = TestGateway.start(env(graph))) {
            replayThenSendNew(gateway, tenant);
        }
    }

    @Test
    void givenReplaysThatRaceTheFirstDeliveryWhenTheirInsertFindsItRecordedThenTheyGiveTheirSlotBack()
            throws Exception {
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant tenant = new FakeTenant().start();
                TestGateway gateway = TestGateway.start(env(graph), new RacingRedeliveries())) {
            replayThenSendNew(gateway, tenant);
        }
    }

    private void replayThenSendNew(TestGateway gateway, FakeTenant tenant) {
        AdminCalls.createMetaTenant(gateway, TENANT, tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
        for (int i = 0; i < 11; i++) {
            assertThat(post(gateway, "wamid.SAME")).as("ack of delivery %d", i).isEqualTo(200);
        }
        for (String fresh : List.of("wamid.NEW1", "wamid.NEW2", "wamid.NEW3")) {
            assertThat(post(gateway, fresh)).isEqualTo(200);
        }

        Eventually.within(
                WAIT, "three messages reach the tenant", () -> tenant.calls().size() == 3);
        assertThat(AdminCalls.inboundState(gateway, TENANT, "wamid.NEW1")).isNotEqualTo("rate_limited");
        assertThat(AdminCalls.inboundState(gateway, TENANT, "wamid.NEW2")).isNotEqualTo("rate_limited");
        assertThat(AdminCalls.inboundState(gateway, TENANT, "wamid.NEW3")).isEqualTo("rate_limited");
        assertThat(tenant.calls())
                .extracting(FakeTenant.Call::messageId)
                .containsExactly("wamid.SAME", "wamid.NEW1", "wamid.NEW2");
    }

    private Map<String, String> env(FakeGraph graph) {
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("GATEWAY_RATE_LIMIT_PER_MINUTE", "3");
        return env;
    }

    private static int post(TestGateway gateway, String wamid) {
        return gateway.postMetaWebhook(MetaPayloads.webhook()
                        .text(PHONE_ID, DISPLAY, SENDER, wamid, "Oi")
                        .json())
                .code();
    }

    /**
     * The production inbox, except that a redelivery does not see its first delivery as recorded, as when both
     * arrive at once (or at two gateway processes): each is routed and rate-limited, and only the insert finds it.
     */
    private static final class RacingRedeliveries extends AbstractModule {
        @Provides
        @Singleton
        Inbox inbox(Database db, Clock clock) {
            Inbox real = new JdbiInbox(db, clock, JdbiInbox.ACK_HOLD);
            return new Inbox() {
                @Override
                public Set<String> record(List<InboxEntry> entries, List<StatusUpdate> statuses) {
                    return real.record(entries, statuses);
                }

                @Override
                public Set<String> known(Collection<String> providerMessageIds) {
                    return Set.of();
                }

                @Override
                public void release(Collection<String> providerMessageIds) {
                    real.release(providerMessageIds);
                }
            };
        }
    }
}
