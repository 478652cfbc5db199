package com.vendin.whatsapp.domain.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import com.vendin.whatsapp.ports.deadletter.DeadLetterStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeadLetterServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private final List<Long> requeued = new ArrayList<>();
    private final List<Integer> limits = new ArrayList<>();
    private final Set<Long> dead = new java.util.HashSet<>(Set.of(7L, 8L));
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final List<Long> requeuedParts = new ArrayList<>();
    private final Set<Long> failedParts = new java.util.HashSet<>(Set.of(12L));
    private final DeadLetterService service = new DeadLetterService(
            new DeadLetterStore() {
                @Override
                public List<DeadLetter> list(int limit) {
                    limits.add(limit);
                    return List.of();
                }

                @Override
                public boolean requeue(long inboundId, Instant now) {
                    requeued.add(inboundId);
                    return dead.remove(inboundId);
                }

                @Override
                public boolean requeuePart(long partId, Instant now) {
                    requeuedParts.add(partId);
                    return failedParts.remove(partId);
                }
            },
            wakeUps::incrementAndGet,
            Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void givenADeadLetterIdAsListedWhenRetriedThenRequeuedAndTheWorkersWoken() {
        service.retry("in-7");
        service.retry("8");

        assertThat(requeued).containsExactly(7L, 8L);
        assertThat(wakeUps).hasValue(2);
    }

    @Test
    void givenAnIdThatIsNotDeadOrNotAnIdWhenRetriedThenDeadLetterNotFoundAndNobodyWoken() {
        assertThatThrownBy(() -> service.retry("in-9"))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("dead_letter_not_found"));
        assertThatThrownBy(() -> service.retry("out-7")).isInstanceOf(GatewayRejection.class);
        assertThatThrownBy(() -> service.retry("in-99999999999999999999")).isInstanceOf(GatewayRejection.class);

        assertThat(requeued).containsExactly(9L);
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void givenAFailedPartIdAsListedWhenRetriedThenThePartIsRequeuedNotAMessage() {
        service.retry("out-12");

        assertThat(requeuedParts).containsExactly(12L);
        assertThat(requeued).isEmpty();
        assertThat(wakeUps).hasValue(1);
        assertThatThrownBy(() -> service.retry("out-12"))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("dead_letter_not_found"));
    }

    @Test
    void givenLimitsOutOfRangeWhenListedThenClampedTo1To500() {
        service.list(0);
        service.list(10_000);
        service.list(50);

        assertThat(limits).containsExactly(1, 500, 50);
    }
}
