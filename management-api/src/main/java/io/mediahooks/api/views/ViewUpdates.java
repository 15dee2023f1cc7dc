package io.mediahooks.api.views;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Lets a writer wait until this instance's views show its write (read-your-writes): the view
 * processors call {@link #changed()} after each update, and {@link #await} re-checks its condition
 * then, instead of polling.
 */
public final class ViewUpdates {

    private long version;

    /** Called by the global store processors after they applied a record. */
    public synchronized void changed() {
        version++;
        notifyAll();
    }

    /**
     * Waits until {@code condition} holds, re-checking after each view update, for at most
     * {@code timeout}; answers whether it held.
     */
    public boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Bounded wait: a view queried before its first update still gets re-checked.
                long millis = Math.max(1, Math.min(left / 1_000_000, 100));
                wait(millis);
            }
            return true;
        }
    }
}
