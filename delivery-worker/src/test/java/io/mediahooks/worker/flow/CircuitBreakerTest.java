package io.mediahooks.worker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.worker.flow.CircuitBreaker.State;
import io.mediahooks.worker.flow.CircuitBreaker.Transition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final CircuitBreaker.Policy POLICY = new CircuitBreaker.Policy(3, 0.5, 10, Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofSeconds(40));

    private final CircuitBreaker breaker = new CircuitBreaker(POLICY);

    @Test
    void opensAfterConsecutiveFailuresAndRefusesUntilTheOpenPeriodEnds() {
        assertThat(breaker.record(false, T0)).isEqualTo(Transition.NONE);
        assertThat(breaker.record(false, T0)).isEqualTo(Transition.NONE);
        assertThat(breaker.record(false, T0.plusSeconds(1))).isEqualTo(Transition.OPENED);

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryAcquire(T0.plusSeconds(5))).as("still open 4 s later").isFalse();
        assertThat(breaker.retryAt(T0.plusSeconds(2))).isEqualTo(T0.plusSeconds(6));
        assertThat(breaker.failingSince()).contains(T0);
    }

    @Test
    void aSuccessBetweenFailuresKeepsItClosed() {
        breaker.record(false, T0);
        breaker.record(false, T0);
        breaker.record(true, T0);
        breaker.record(false, T0);
        breaker.record(false, T0);

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.failingSince()).as("the streak restarted").contains(T0);
    }

    @Test
    void opensOnTheFailureRateOverAWindow() {
        CircuitBreaker rated = new CircuitBreaker(new CircuitBreaker.Policy(100, 0.5, 10, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(40)));
        Transition last = Transition.NONE;
        for (int i = 0; i < 10; i++) {
            last = rated.record(i % 2 == 0, T0.plusSeconds(i));
        }
        assertThat(last).as("5 of 10 failed within 30 s").isEqualTo(Transition.OPENED);
    }

    @Test
    void theFailureRateCountsOnlyWithinOneWindow() {
        CircuitBreaker rated = new CircuitBreaker(new CircuitBreaker.Policy(100, 0.5, 10, Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(40)));
        for (int i = 0; i < 10; i++) {
            rated.record(i % 2 == 0, T0.plusSeconds(i * 10L));
        }
        assertThat(rated.state()).as("never 10 attempts in one 30 s window").isEqualTo(State.CLOSED);
    }

    @Test
    void oneProbeAfterTheOpenPeriodAndItsSuccessCloses() {
        openAt(T0);

        assertThat(breaker.tryAcquire(T0.plusSeconds(5))).as("the probe").isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryAcquire(T0.plusSeconds(5))).as("only one probe at a time").isFalse();

        assertThat(breaker.record(true, T0.plusSeconds(6))).isEqualTo(Transition.RECOVERED);
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.failingSince()).isEmpty();
        assertThat(breaker.tryAcquire(T0.plusSeconds(6))).isTrue();
    }

    @Test
    void eachFailedProbeDoublesTheOpenPeriodUpToTheLongest() {
        openAt(T0);
        Instant now = T0;
        Duration expected = Duration.ofSeconds(5);
        for (int probe = 0; probe < 5; probe++) {
            now = now.plus(expected);
            assertThat(breaker.tryAcquire(now)).isTrue();
            assertThat(breaker.record(false, now)).isEqualTo(Transition.NONE);
            expected = expected.multipliedBy(2).compareTo(Duration.ofSeconds(40)) > 0 ? Duration.ofSeconds(40)
                    : expected.multipliedBy(2);
            assertThat(breaker.retryAt(now)).isEqualTo(now.plus(expected));
        }
        assertThat(breaker.failingSince()).as("failing since the first failure").contains(T0);
    }

    @Test
    void anAbandonedProbeLetsTheNextAttemptProbe() {
        openAt(T0);
        assertThat(breaker.tryAcquire(T0.plusSeconds(5))).isTrue();

        breaker.abandonProbe(T0.plusSeconds(5));

        assertThat(breaker.isOpenAt(T0.plusSeconds(5))).isFalse();
        assertThat(breaker.tryAcquire(T0.plusSeconds(5))).isTrue();
    }

    private void openAt(Instant at) {
        for (int i = 0; i < 3; i++) {
            breaker.record(false, at);
        }
        assertThat(breaker.state()).isEqualTo(State.OPEN);
    }
}
