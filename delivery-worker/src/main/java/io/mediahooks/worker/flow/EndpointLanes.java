package io.mediahooks.worker.flow;

import io.mediahooks.worker.http.EndpointKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Flow control per endpoint: a lane per endpoint runs up to {@code concurrency} items at once and
 * keeps the rest waiting in memory, in order. Nothing is put back while the endpoint is healthy:
 * memory is bounded by the poll loop, which stops fetching when the worker holds its limit
 * ({@link Backpressure}), so a busy healthy endpoint drains at its concurrency.
 *
 * <p>Only an unhealthy endpoint gives work back, to be deferred to a retry topic unattempted:
 * <ul>
 *   <li>its {@link CircuitBreaker} is open: everything for it is deferred to the end of the open
 *       period (which grows while it keeps failing);</li>
 *   <li>it is half-open (probe in flight) or stalled (every slot busy and nothing finished for
 *       {@code stallAfter}): it keeps at most its allowance waiting, the larger of
 *       {@code queueLimit} and its fair share of half the worker's budget (half the budget divided
 *       by the endpoints with work); the rest is deferred until its requests in flight must have
 *       ended ({@code requestTimeout} from now; at least one first open period). Sooner it could
 *       not take them: a delivery back earlier is only read, refused and written again.</li>
 * </ul>
 * A hanging or failing endpoint so holds a bounded share of the worker and never fills it.
 *
 * <p>Thread-safe. The starter runs outside the lock; it must not call {@link #release} on its own
 * stack (the pipeline releases from its outcome executor), so a long queue never recurses.
 */
public final class EndpointLanes<T> {

    /**
     * @param concurrency    items run at once per endpoint
     * @param queueLimit     items an unhealthy endpoint keeps waiting at least
     * @param budget         items the worker holds at most; unhealthy endpoints share half of it
     * @param stallAfter     how long a full endpoint may go without finishing anything before it counts as stalled
     * @param requestTimeout the longest one attempt takes, by when a request in flight has ended
     * @param breaker        when an endpoint's breaker opens and for how long
     */
    public record Settings(int concurrency, int queueLimit, int budget, Duration stallAfter, Duration requestTimeout,
                           CircuitBreaker.Policy breaker) {
        public Settings {
            if (concurrency < 1 || queueLimit < 0 || budget < 1) {
                throw new IllegalArgumentException("concurrency and budget must be positive and the queue limit not negative");
            }
            Objects.requireNonNull(stallAfter, "stallAfter");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(breaker, "breaker");
        }
    }

    /** What became of a submitted item: started, queued, or to be deferred until {@code due}. */
    public sealed interface Admission {
        record Started() implements Admission {
        }

        record Queued() implements Admission {
        }

        record Deferred(Instant due, Reason reason) implements Admission {
        }
    }

    /** Why an item was given back unattempted. */
    public enum Reason { ENDPOINT_OPEN, ENDPOINT_STALLED }

    /** The result of an attempt, as the breaker counts it; {@code NONE} when nothing was sent. */
    public enum Verdict { SUCCESS, FAILURE, NONE }

    /** An item given back unattempted, to come back at {@code due}. */
    public record Deferral<T>(T item, Instant due, Reason reason) {
    }

    /**
     * What a release did: the items to defer, how the breaker changed, and since when the endpoint
     * failed every attempt (empty while it succeeds).
     */
    public record Released<T>(List<Deferral<T>> deferred, CircuitBreaker.Transition transition,
                              Optional<Instant> failingSince) {
    }

    private final Settings settings;
    private final Consumer<T> starter;
    private final Clock clock;
    private final Map<EndpointKey, Lane<T>> lanes = new HashMap<>();
    private int active;
    private int queued;

    public EndpointLanes(Settings settings, Consumer<T> starter, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts {@code item} if {@code endpoint} has a free slot and may be tried, else queues or defers it. */
    public Admission submit(EndpointKey endpoint, T item) {
        synchronized (this) {
            Instant now = clock.instant();
            Lane<T> lane = lanes.computeIfAbsent(endpoint, key -> new Lane<>(settings.breaker(), now));
            if (lane.running < settings.concurrency() && lane.waiting.isEmpty() && lane.breaker.tryAcquire(now)) {
                lane.running++;
                active++;
                lane.lastProgress = now;
            } else if (lane.breaker.isOpenAt(now)) {
                return new Admission.Deferred(lane.due(now, settings.requestTimeout()), Reason.ENDPOINT_OPEN);
            } else if (lane.waiting.size() >= allowance(lane, now)) {
                return new Admission.Deferred(lane.due(now, settings.requestTimeout()), Reason.ENDPOINT_STALLED);
            } else {
                enqueue(lane, item);
                return new Admission.Queued();
            }
        }
        starter.accept(item);
        return new Admission.Started();
    }

    /**
     * Frees one slot of {@code endpoint} and records {@code verdict}; waiting items take the free
     * slots, or are returned for deferral when the breaker is open now.
     */
    public Released<T> release(EndpointKey endpoint, Verdict verdict) {
        List<T> toStart = new ArrayList<>(1);
        Released<T> released;
        synchronized (this) {
            Instant now = clock.instant();
            Lane<T> lane = lanes.get(endpoint);
            if (lane == null || lane.running == 0) {
                throw new IllegalStateException("release of " + endpoint + " without a running item");
            }
            lane.running--;
            active--;
            lane.lastProgress = now;
            CircuitBreaker.Transition transition = CircuitBreaker.Transition.NONE;
            if (verdict == Verdict.NONE) {
                lane.breaker.abandonProbe(now);
            } else {
                transition = lane.breaker.record(verdict == Verdict.SUCCESS, now);
            }
            List<Deferral<T>> deferred = List.of();
            if (lane.breaker.isOpenAt(now)) {
                deferred = takeWaiting(lane, 0, now, Reason.ENDPOINT_OPEN);
            } else {
                while (lane.running < settings.concurrency() && !lane.waiting.isEmpty() && lane.breaker.tryAcquire(now)) {
                    toStart.add(dequeue(lane));
                    lane.running++;
                    active++;
                }
            }
            released = new Released<>(deferred, transition, lane.breaker.failingSince());
            forgetIfIdle(endpoint, lane);
        }
        toStart.forEach(starter);
        return released;
    }

    /**
     * Gives back what unhealthy endpoints hold beyond their allowance (everything, for an open
     * breaker). The poll loop calls it now and then, so a hanging endpoint's backlog leaves memory
     * before its requests time out.
     */
    public synchronized List<Deferral<T>> sweep() {
        Instant now = clock.instant();
        List<Deferral<T>> deferred = new ArrayList<>();
        for (Lane<T> lane : lanes.values()) {
            if (lane.waiting.isEmpty()) {
                continue;
            }
            if (lane.breaker.isOpenAt(now)) {
                deferred.addAll(takeWaiting(lane, 0, now, Reason.ENDPOINT_OPEN));
            } else if (unhealthy(lane, now)) {
                deferred.addAll(takeWaiting(lane, allowance(lane, now), now, Reason.ENDPOINT_STALLED));
            }
        }
        return deferred;
    }

    /** Takes back the waiting items {@code which} selects (their partitions are being revoked). */
    public synchronized List<T> removeWaiting(Predicate<T> which) {
        List<T> removed = new ArrayList<>();
        for (Lane<T> lane : lanes.values()) {
            for (Iterator<T> it = lane.waiting.iterator(); it.hasNext(); ) {
                T item = it.next();
                if (which.test(item)) {
                    it.remove();
                    removed.add(item);
                }
            }
        }
        queued -= removed.size();
        return removed;
    }

    /** Items holding a slot, over all endpoints. */
    public synchronized int active() {
        return active;
    }

    /** Items waiting for a slot, over all endpoints. */
    public synchronized int queued() {
        return queued;
    }

    /**
     * Endpoints whose breaker is open now or probing, or not closed with work on hand. One whose open
     * period ended with nothing more sent to it (the webhook deleted, say) no longer counts.
     */
    public synchronized int unhealthyEndpoints() {
        Instant now = clock.instant();
        return (int) lanes.values().stream().filter(lane -> lane.reportedUnhealthy(now)).count();
    }

    private boolean unhealthy(Lane<T> lane, Instant now) {
        return lane.unhealthy(now, settings.concurrency(), settings.stallAfter());
    }

    /** How many items {@code lane} may keep waiting: no limit while healthy. */
    private int allowance(Lane<T> lane, Instant now) {
        if (!unhealthy(lane, now)) {
            return Integer.MAX_VALUE;
        }
        // Half the budget, shared by every endpoint with work: whatever the unhealthy ones hold, the
        // healthy ones keep at least half of the worker.
        int fairShare = settings.budget() / (2 * Math.max(1, lanes.size()));
        return Math.max(settings.queueLimit(), fairShare);
    }

    private void enqueue(Lane<T> lane, T item) {
        lane.waiting.addLast(item);
        queued++;
    }

    private T dequeue(Lane<T> lane) {
        T item = lane.waiting.pollFirst();
        queued--;
        return item;
    }

    /** Takes the newest waiting items beyond the first {@code keep}, oldest of them first. */
    private List<Deferral<T>> takeWaiting(Lane<T> lane, int keep, Instant now, Reason reason) {
        int excess = lane.waiting.size() - keep;
        if (excess <= 0) {
            return List.of();
        }
        Instant due = lane.due(now, settings.requestTimeout());
        ArrayDeque<Deferral<T>> taken = new ArrayDeque<>(excess);
        for (int i = 0; i < excess; i++) {
            taken.addFirst(new Deferral<>(lane.waiting.pollLast(), due, reason));
        }
        queued -= excess;
        return List.copyOf(taken);
    }

    private void forgetIfIdle(EndpointKey endpoint, Lane<T> lane) {
        if (lane.idle()) {
            lanes.remove(endpoint);
        }
    }
}
