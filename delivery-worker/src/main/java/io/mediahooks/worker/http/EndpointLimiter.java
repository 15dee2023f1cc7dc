package io.mediahooks.worker.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A cap on concurrent requests per endpoint, so a slow or hanging endpoint holds at most its own
 * share of the worker: up to {@code concurrency} items run per endpoint, up to {@code queueLimit}
 * more wait, and the rest are rejected for the caller to put back. Thread-safe.
 *
 * <p>The starter runs outside the lock; it must not call {@link #release} on its own stack (the
 * pipeline releases from its outcome executor), so a long queue never recurses.
 */
public final class EndpointLimiter<T> {

    /** What became of a submitted item. */
    public enum Admission { STARTED, QUEUED, REJECTED }

    private final int concurrency;
    private final int queueLimit;
    private final Consumer<T> starter;
    private final Map<EndpointKey, Lane<T>> lanes = new HashMap<>();
    private int active;
    private int queued;

    public EndpointLimiter(int concurrency, int queueLimit, Consumer<T> starter) {
        if (concurrency < 1 || queueLimit < 0) {
            throw new IllegalArgumentException("concurrency must be positive and the queue limit not negative");
        }
        this.concurrency = concurrency;
        this.queueLimit = queueLimit;
        this.starter = starter;
    }

    /** Starts {@code item} now if {@code endpoint} has a free slot, else queues it if there is room. */
    public Admission submit(EndpointKey endpoint, T item) {
        synchronized (this) {
            Lane<T> lane = lanes.computeIfAbsent(endpoint, key -> new Lane<>());
            if (lane.running >= concurrency) {
                if (lane.waiting.size() >= queueLimit) {
                    return Admission.REJECTED;
                }
                lane.waiting.add(item);
                queued++;
                return Admission.QUEUED;
            }
            lane.running++;
            active++;
        }
        starter.accept(item);
        return Admission.STARTED;
    }

    /** Frees one slot of {@code endpoint}; the next waiting item, if any, takes it and starts. */
    public void release(EndpointKey endpoint) {
        T next;
        synchronized (this) {
            Lane<T> lane = lanes.get(endpoint);
            if (lane == null || lane.running == 0) {
                throw new IllegalStateException("release of " + endpoint + " without a running item");
            }
            next = lane.waiting.poll();
            if (next == null) {
                lane.running--;
                active--;
                if (lane.running == 0) {
                    lanes.remove(endpoint);
                }
                return;
            }
            queued--;
        }
        starter.accept(next);
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

    private static final class Lane<T> {
        final ArrayDeque<T> waiting = new ArrayDeque<>();
        int running;
    }
}
