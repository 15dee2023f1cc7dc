package io.mediahooks.worker.pipeline;

import java.time.Duration;

/**
 * Whether the worker may still trust that it owns its partitions. Only the poll thread learns from
 * the group coordinator that partitions moved, so it renews this lease whenever it runs, and the
 * pipeline starts a request only while the lease is fresh. After the whole process was paused (a
 * long GC, a frozen VM, SIGSTOP) for longer than its {@link #pause()}, its group session may have
 * expired and its partitions may belong to another worker: the HTTP and outcome threads wake as
 * early as the poll thread and, without the lease, would go on sending deliveries that the new
 * owner sends too. Time comes in as arguments ({@link System#nanoTime()}); thread-safe.
 */
public final class OwnershipLease {

    private final Duration pause;
    private volatile long renewedNanos;

    /**
     * @param pause how long the poll thread may not run before the lease is stale: half the group
     *              session timeout, so every pause that can cost the session (one that outlasts
     *              the session less a heartbeat interval, at most a third of it) is caught, and
     *              a starved poll thread on a busy machine is not taken for a paused process
     */
    public OwnershipLease(Duration pause, long nowNanos) {
        this.pause = pause;
        this.renewedNanos = nowNanos;
    }

    /** Half of {@code sessionTimeout}: see {@link #OwnershipLease(Duration, long)}. */
    public static OwnershipLease forSession(Duration sessionTimeout, long nowNanos) {
        return new OwnershipLease(sessionTimeout.dividedBy(2), nowNanos);
    }

    public Duration pause() {
        return pause;
    }

    /** Whether the poll thread ran within {@link #pause()} of {@code nowNanos}. */
    public boolean fresh(long nowNanos) {
        return nowNanos - renewedNanos <= pause.toNanos();
    }

    /** How long the poll thread had not run, at {@code nowNanos}. */
    public Duration idleFor(long nowNanos) {
        return Duration.ofNanos(Math.max(0, nowNanos - renewedNanos));
    }

    /** The poll thread ran at {@code nowNanos}, and its partitions are its own as far as it knows. */
    public void renew(long nowNanos) {
        renewedNanos = nowNanos;
    }
}
