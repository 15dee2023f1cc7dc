package io.mediahooks.worker.view;

import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * How current the view is: the latest instant by which everything written to the view's topics
 * has been applied. A delivery routed after that instant may name a webhook the view has not seen
 * yet, so it waits for the view before it is dropped. Thread-safe.
 */
public final class ViewFreshness {

    private final PriorityQueue<Waiter> waiters = new PriorityQueue<>((a, b) -> a.until.compareTo(b.until));
    private Instant freshAsOf = Instant.MIN;

    /** Called by the view reader: everything written before {@code instant} is applied. */
    public void caughtUpTo(Instant instant) {
        PriorityQueue<Waiter> ready = new PriorityQueue<>(waiters.comparator());
        synchronized (this) {
            if (instant.isAfter(freshAsOf)) {
                freshAsOf = instant;
            }
            while (!waiters.isEmpty() && !waiters.peek().until.isAfter(freshAsOf)) {
                ready.add(waiters.poll());
            }
        }
        // Complete outside the lock: callers chain work onto these futures.
        ready.forEach(waiter -> waiter.future.complete(null));
    }

    public synchronized boolean isFreshAsOf(Instant instant) {
        return !instant.isAfter(freshAsOf);
    }

    public synchronized Instant freshAsOf() {
        return freshAsOf;
    }

    /** Completes once the view is fresh as of {@code instant} (at once if it already is). */
    public CompletableFuture<Void> whenFreshAsOf(Instant instant) {
        synchronized (this) {
            if (instant.isAfter(freshAsOf)) {
                Waiter waiter = new Waiter(instant, new CompletableFuture<>());
                waiters.add(waiter);
                return waiter.future;
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    private record Waiter(Instant until, CompletableFuture<Void> future) {
    }
}
