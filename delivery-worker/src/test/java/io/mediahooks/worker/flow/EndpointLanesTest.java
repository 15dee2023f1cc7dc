package io.mediahooks.worker.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.worker.flow.EndpointLanes.Admission;
import io.mediahooks.worker.flow.EndpointLanes.Deferral;
import io.mediahooks.worker.flow.EndpointLanes.Reason;
import io.mediahooks.worker.flow.EndpointLanes.Released;
import io.mediahooks.worker.flow.EndpointLanes.Verdict;
import io.mediahooks.worker.http.EndpointKey;
import io.mediahooks.worker.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointLanesTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final EndpointKey BUSY = new EndpointKey("https://busy.example.com:443");
    private static final EndpointKey DEAD = new EndpointKey("https://dead.example.com:443");
    private static final EndpointKey FINE = new EndpointKey("https://fine.example.com:443");
    private static final CircuitBreaker.Policy BREAKER = new CircuitBreaker.Policy(3, 0.5, 100, Duration.ofSeconds(30),
            Duration.ofSeconds(5), Duration.ofMinutes(10));

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final ManualClock clock = new ManualClock(T0);
    private final List<String> started = new ArrayList<>();
    private final EndpointLanes<String> lanes = new EndpointLanes<>(
            new EndpointLanes.Settings(2, 3, 40, Duration.ofSeconds(1), REQUEST_TIMEOUT, BREAKER), started::add, clock);

    @Test
    void aHealthyEndpointKeepsEverythingWaitingAndNeverDefers() {
        for (int i = 0; i < 1000; i++) {
            assertThat(lanes.submit(BUSY, "b" + i)).isNotInstanceOf(Admission.Deferred.class);
        }
        assertThat(started).containsExactly("b0", "b1");
        assertThat(lanes.queued()).isEqualTo(998);

        for (int i = 0; i < 998; i++) {
            clock.advance(Duration.ofMillis(5));
            assertThat(lanes.release(BUSY, Verdict.SUCCESS).deferred()).isEmpty();
        }
        assertThat(started).hasSize(1000).startsWith("b0", "b1", "b2").endsWith("b999");
        assertThat(lanes.sweep()).isEmpty();
    }

    @Test
    void slotsAreFreedInOrderAndOtherEndpointsAreUntouched() {
        lanes.submit(BUSY, "b1");
        lanes.submit(BUSY, "b2");
        assertThat(lanes.submit(BUSY, "b3")).isInstanceOf(Admission.Queued.class);
        assertThat(lanes.submit(FINE, "f1")).isInstanceOf(Admission.Started.class);

        lanes.release(BUSY, Verdict.SUCCESS);

        assertThat(started).containsExactly("b1", "b2", "f1", "b3");
        assertThat(lanes.active()).isEqualTo(3);
        assertThatThrownBy(() -> lanes.release(new EndpointKey("https://other.example.com:443"), Verdict.SUCCESS))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aStalledEndpointKeepsOnlyItsAllowanceAndTheSweepDefersTheRest() {
        lanes.submit(DEAD, "d0");
        lanes.submit(DEAD, "d1");
        for (int i = 2; i < 60; i++) {
            lanes.submit(DEAD, "d" + i);
        }
        assertThat(lanes.queued()).as("not known to be stalled yet: all kept").isEqualTo(58);

        clock.advance(Duration.ofSeconds(1));
        lanes.submit(FINE, "f0");
        List<Deferral<String>> deferred = lanes.sweep();

        // Fair share: half the budget of 40 over the two endpoints with work, 10; more than the queue limit of 3.
        // Back once d0 and d1 must have timed out: not in 5 s, when they would still hang.
        assertThat(deferred).hasSize(48).allSatisfy(deferral -> {
            assertThat(deferral.reason()).isEqualTo(Reason.ENDPOINT_STALLED);
            assertThat(deferral.due()).isEqualTo(clock.instant().plus(REQUEST_TIMEOUT));
        });
        assertThat(deferred.get(0).item()).as("the newest go, oldest of them first").isEqualTo("d12");
        assertThat(lanes.submit(DEAD, "late")).isInstanceOf(Admission.Deferred.class);
        assertThat(started).contains("f0");
    }

    @Test
    void theFairShareShrinksAsMoreEndpointsWait() {
        EndpointKey other = new EndpointKey("https://other.example.com:443");
        for (EndpointKey endpoint : List.of(DEAD, other)) {
            for (int i = 0; i < 40; i++) {
                lanes.submit(endpoint, endpoint + "/" + i);
            }
        }
        clock.advance(Duration.ofSeconds(2));

        // Two endpoints with work: half the budget of 40, 10 each.
        assertThat(lanes.sweep()).hasSize(2 * (38 - 10));
    }

    @Test
    void anOpenBreakerDefersEverythingUntilItsProbeAndTheProbeClosesIt() {
        lanes.submit(DEAD, "d1");
        lanes.submit(DEAD, "d2");
        lanes.submit(DEAD, "d3");
        lanes.submit(DEAD, "d4");
        lanes.release(DEAD, Verdict.FAILURE);
        lanes.release(DEAD, Verdict.FAILURE);
        Released<String> third = lanes.release(DEAD, Verdict.FAILURE);

        assertThat(third.transition()).isEqualTo(CircuitBreaker.Transition.OPENED);
        assertThat(third.failingSince()).contains(T0);
        assertThat(started).containsExactly("d1", "d2", "d3", "d4");
        Admission refused = lanes.submit(DEAD, "d5");
        assertThat(refused).isEqualTo(new Admission.Deferred(T0.plusSeconds(5), Reason.ENDPOINT_OPEN));
        assertThat(lanes.unhealthyEndpoints()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(lanes.submit(DEAD, "probe")).isInstanceOf(Admission.Started.class);
        assertThat(lanes.submit(DEAD, "w1")).as("waits for the probe").isInstanceOf(Admission.Queued.class);
        assertThat(lanes.release(DEAD, Verdict.SUCCESS).transition())
                .as("d4, started before the breaker opened, got through")
                .isEqualTo(CircuitBreaker.Transition.RECOVERED);
        assertThat(started).endsWith("probe", "w1");
        assertThat(lanes.unhealthyEndpoints()).isZero();
    }

    @Test
    void aFailedProbeDefersWhatWaitedForItUntilTheLongerOpenPeriodEnds() {
        openDead();
        clock.advance(Duration.ofSeconds(5));
        lanes.submit(DEAD, "probe");
        lanes.submit(DEAD, "w1");
        lanes.submit(DEAD, "w2");

        Released<String> failed = lanes.release(DEAD, Verdict.FAILURE);

        assertThat(failed.deferred()).extracting(Deferral::item).containsExactly("w1", "w2");
        assertThat(failed.deferred()).allSatisfy(deferral ->
                assertThat(deferral.due()).isEqualTo(clock.instant().plusSeconds(10)));
        assertThat(failed.failingSince()).contains(T0);
    }

    @Test
    void whatCannotWaitForAHangingProbeComesBackOnceTheProbeMustHaveEnded() {
        openDead();
        clock.advance(Duration.ofSeconds(5));
        assertThat(lanes.submit(DEAD, "probe")).isInstanceOf(Admission.Started.class);
        clock.advance(Duration.ofSeconds(2));
        List<Admission> admissions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            admissions.add(lanes.submit(DEAD, "w" + i));
        }

        // Half-open keeps its allowance waiting (half the budget of 40 over one endpoint: 20); the
        // rest comes back when the probe has answered or timed out, not every first open period
        // (5 s) while it hangs.
        assertThat(admissions.subList(0, 20)).allSatisfy(admission -> assertThat(admission).isInstanceOf(Admission.Queued.class));
        assertThat(admissions.subList(20, 30)).allSatisfy(admission -> assertThat(admission)
                .isEqualTo(new Admission.Deferred(clock.instant().plus(REQUEST_TIMEOUT), Reason.ENDPOINT_STALLED)));
    }

    @Test
    void aDeferralWaitsAtLeastOneFirstOpenPeriodWhenRequestsEndSooner() {
        EndpointLanes<String> quick = new EndpointLanes<>(new EndpointLanes.Settings(2, 3, 40, Duration.ofSeconds(1),
                Duration.ofSeconds(2), BREAKER), started::add, clock);
        for (int i = 0; i < 60; i++) {
            quick.submit(DEAD, "d" + i);
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(quick.sweep()).isNotEmpty().allSatisfy(deferral ->
                assertThat(deferral.due()).isEqualTo(clock.instant().plusSeconds(5)));
    }

    @Test
    void anOpenEndpointNobodySendsToAnyMoreStopsCountingOnceItsOpenPeriodEnds() {
        openDead();
        assertThat(lanes.unhealthyEndpoints()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));

        assertThat(lanes.unhealthyEndpoints()).as("the webhook was deleted, say: nothing left to probe").isZero();
    }

    @Test
    void waitingItemsOfRevokedPartitionsAreTakenBack() {
        lanes.submit(BUSY, "keep1");
        lanes.submit(BUSY, "keep2");
        lanes.submit(BUSY, "gone1");
        lanes.submit(BUSY, "keep3");

        assertThat(lanes.removeWaiting(item -> item.startsWith("gone"))).containsExactly("gone1");
        assertThat(lanes.queued()).isEqualTo(1);
        lanes.release(BUSY, Verdict.SUCCESS);
        assertThat(started).containsExactly("keep1", "keep2", "keep3");
    }

    /** Three failures in a row: DEAD's breaker opens for 5 s from now. */
    private void openDead() {
        lanes.submit(DEAD, "d1");
        lanes.submit(DEAD, "d2");
        lanes.release(DEAD, Verdict.FAILURE);
        lanes.release(DEAD, Verdict.FAILURE);
        lanes.submit(DEAD, "d3");
        lanes.release(DEAD, Verdict.FAILURE);
    }
}
