package com.vendin.whatsapp.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy shortest = new RetryPolicy(8, () -> 0.0);
    private final RetryPolicy longest = new RetryPolicy(8, () -> 1.0);

    @Test
    void delayDoublesFromThreeSecondsUpToFiveMinutes() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(longest::delayAfter).map(Duration::toMillis))
                .containsExactly(3_000L, 6_000L, 12_000L, 24_000L, 48_000L, 96_000L, 192_000L, 300_000L, 300_000L);
    }

    @Test
    void jitterTakesOffAtMostAQuarter() {
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(shortest::delayAfter).map(Duration::toMillis))
                .containsExactly(2_250L, 4_500L, 9_000L, 18_000L, 36_000L, 72_000L, 144_000L, 225_000L, 225_000L);
    }

    @Test
    void firstRetryComesWithinFiveSeconds() {
        assertThat(longest.delayAfter(1)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(new RetryPolicy(8).delayAfter(1)).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void eightAttemptsGiveATenantAtLeastTwoMinutesEvenWithTheShortestJitter() {
        Duration total =
                IntStream.rangeClosed(1, 7).mapToObj(shortest::delayAfter).reduce(Duration.ZERO, Duration::plus);

        assertThat(total).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void defaultRandomStaysInsideTheJitterBand() {
        RetryPolicy policy = new RetryPolicy(8);

        for (int i = 0; i < 1_000; i++) {
            assertThat(policy.delayAfter(3).toMillis()).isBetween(9_000L, 12_000L);
        }
    }

    @Test
    void retriesAreAllowedUntilMaxAttemptsHaveFailed() {
        assertThat(shortest.allowsRetryAfter(7)).isTrue();
        assertThat(shortest.allowsRetryAfter(8)).isFalse();
        assertThat(new RetryPolicy(1, () -> 0.5).allowsRetryAfter(1)).isFalse();
    }

    @Test
    void veryLateAttemptsStayAtTheCapWithoutOverflow() {
        assertThat(longest.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> shortest.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
