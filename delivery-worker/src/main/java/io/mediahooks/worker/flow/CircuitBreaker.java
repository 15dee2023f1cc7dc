package io.mediahooks.worker.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of one endpoint as this worker sees it, as a circuit breaker.
 *
 * <ul>
 *   <li>Closed: attempts go out. {@link Policy#consecutiveFailures} failures in a row, or a failure
 *       rate of at least {@link Policy#failureRate} over at least {@link Policy#minimumAttempts}
 *       attempts within one {@link Policy#window}, open it.</li>
 *   <li>Open: no attempts until the open period ends; the caller defers deliveries until then.
 *       The period starts at {@link Policy#firstOpen} and doubles after each failed probe, up to
 *       {@link Policy#longestOpen}, so a dead endpoint costs less and less.</li>
 *   <li>Half-open: once the period ended, exactly one attempt (the probe) goes out; success closes
 *       the breaker, failure opens it again for longer.</li>
 * </ul>
 *
 * <p>It also remembers since when every attempt failed ({@link #failingSince}), which the
 * auto-disable reads. Pure: time comes in as arguments. Not thread-safe; the caller locks.
 */
public final class CircuitBreaker {

    /** Breaker state. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** What one recorded result did to the breaker. */
    public enum Transition { NONE, OPENED, RECOVERED }

    /**
     * When a breaker opens and for how long.
     *
     * @param consecutiveFailures failures in a row that open it
     * @param failureRate         share of failed attempts in one window that opens it (0 to 1)
     * @param minimumAttempts     attempts a window needs before its rate counts
     * @param window              length of one rate window
     * @param firstOpen           the first open period
     * @param longestOpen         the longest open period
     */
    public record Policy(int consecutiveFailures, double failureRate, int minimumAttempts, Duration window,
                         Duration firstOpen, Duration longestOpen) {

        /** 5 in a row, or half of at least 20 in 30 s; open 5 s, doubling up to 10 min. */
        public static final Policy DEFAULT = new Policy(5, 0.5, 20, Duration.ofSeconds(30), Duration.ofSeconds(5),
                Duration.ofMinutes(10));

        public Policy {
            if (consecutiveFailures < 1 || minimumAttempts < 1 || failureRate <= 0 || failureRate > 1) {
                throw new IllegalArgumentException("thresholds must be positive and the rate within (0, 1]");
            }
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(firstOpen, "firstOpen");
            Objects.requireNonNull(longestOpen, "longestOpen");
        }
    }

    private final Policy policy;
    private State state = State.CLOSED;
    private int consecutive;
    private Instant windowStart = Instant.MIN;
    private int windowAttempts;
    private int windowFailures;
    private Duration openFor;
    private Instant openUntil = Instant.MIN;
    private Instant failingSince;

    public CircuitBreaker(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.openFor = policy.firstOpen();
    }

    public State state() {
        return state;
    }

    /**
     * Whether an attempt may start now. In the open state once the period is over, the first caller
     * gets the probe and the breaker turns half-open; everyone else is refused until it returns.
     */
    public boolean tryAcquire(Instant now) {
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.OPEN && !now.isBefore(openUntil)) {
            state = State.HALF_OPEN;
            return true;
        }
        return false;
    }

    /** True while attempts are refused because the open period has not ended. */
    public boolean isOpenAt(Instant now) {
        return state == State.OPEN && now.isBefore(openUntil);
    }

    /** The probe ended without a verdict (nothing was sent): the next attempt may probe at once. */
    public void abandonProbe(Instant now) {
        if (state == State.HALF_OPEN) {
            state = State.OPEN;
            openUntil = now;
        }
    }

    /** When a refused delivery should come back: the end of the open period, or one first period from now. */
    public Instant retryAt(Instant now) {
        return state == State.OPEN && openUntil.isAfter(now) ? openUntil : now.plus(policy.firstOpen());
    }

    /** Since when every attempt failed; empty after a success. */
    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    /** Records the result of an attempt that {@link #tryAcquire} let through. */
    public Transition record(boolean success, Instant now) {
        if (success) {
            return succeeded(now);
        }
        if (failingSince == null) {
            failingSince = now;
        }
        if (state == State.HALF_OPEN) {
            // The probe failed: open again, for longer.
            openFor = min(openFor.multipliedBy(2), policy.longestOpen());
            open(now);
            return Transition.NONE;
        }
        if (state == State.OPEN) {
            // An attempt started before the breaker opened, ending now.
            return Transition.NONE;
        }
        consecutive++;
        count(now, true);
        if (consecutive >= policy.consecutiveFailures()
                || (windowAttempts >= policy.minimumAttempts() && windowFailures >= policy.failureRate() * windowAttempts)) {
            openFor = policy.firstOpen();
            open(now);
            return Transition.OPENED;
        }
        return Transition.NONE;
    }

    private Transition succeeded(Instant now) {
        failingSince = null;
        consecutive = 0;
        if (state == State.CLOSED) {
            count(now, false);
            return Transition.NONE;
        }
        // The probe (or a request started before opening) got through.
        state = State.CLOSED;
        openFor = policy.firstOpen();
        windowStart = Instant.MIN;
        return Transition.RECOVERED;
    }

    private void open(Instant now) {
        state = State.OPEN;
        openUntil = now.plus(openFor);
        consecutive = 0;
        windowStart = Instant.MIN;
    }

    private void count(Instant now, boolean failed) {
        if (windowStart == Instant.MIN || !now.isBefore(windowStart.plus(policy.window()))) {
            windowStart = now;
            windowAttempts = 0;
            windowFailures = 0;
        }
        windowAttempts++;
        if (failed) {
            windowFailures++;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
