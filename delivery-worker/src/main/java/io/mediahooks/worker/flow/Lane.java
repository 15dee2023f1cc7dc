package io.mediahooks.worker.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * One endpoint's lane of {@link EndpointLanes}: its circuit breaker and its items running and
 * waiting, with the rules that need only these. Not thread-safe: {@link EndpointLanes} locks.
 */
final class Lane<T> {

    final ArrayDeque<T> waiting = new ArrayDeque<>();
    final CircuitBreaker breaker;
    int running;
    /** When an item last started or finished here. */
    Instant lastProgress;

    Lane(CircuitBreaker.Policy policy, Instant now) {
        this.breaker = new CircuitBreaker(policy);
        this.lastProgress = now;
    }

    /** Its breaker is not closed, or it is stalled: every slot busy and nothing started or finished for {@code stallAfter}. */
    boolean unhealthy(Instant now, int concurrency, Duration stallAfter) {
        return breaker.state() != CircuitBreaker.State.CLOSED
                || (running >= concurrency && !now.isBefore(lastProgress.plus(stallAfter)));
    }

    /**
     * Open now or probing, or not closed with work on hand. One whose open period ended with nothing
     * more sent to it (the webhook deleted, say) no longer counts.
     */
    boolean reportedUnhealthy(Instant now) {
        return breaker.isOpenAt(now) || breaker.state() == CircuitBreaker.State.HALF_OPEN
                || (breaker.state() != CircuitBreaker.State.CLOSED && (running > 0 || !waiting.isEmpty()));
    }

    /**
     * When an item deferred now should come back: the end of the open period, or, while requests are
     * in flight (a stall, a probe), once those in flight now must have ended, and no sooner than one
     * first open period. Counted from now, not from when they started, so that what one endpoint
     * defers comes back spread as it was deferred, and in order on its retry topic.
     */
    Instant due(Instant now, Duration requestTimeout) {
        Instant due = breaker.retryAt(now);
        if (running == 0 || breaker.isOpenAt(now)) {
            return due;
        }
        Instant inFlightEnded = now.plus(requestTimeout);
        return inFlightEnded.isAfter(due) ? inFlightEnded : due;
    }

    /** Nothing running or waiting and a closed, healthy breaker: no state worth keeping. */
    boolean idle() {
        return running == 0 && waiting.isEmpty() && breaker.state() == CircuitBreaker.State.CLOSED
                && breaker.failingSince().isEmpty();
    }
}
