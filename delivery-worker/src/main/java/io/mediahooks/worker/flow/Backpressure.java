package io.mediahooks.worker.flow;

/**
 * Whether the worker holds too many deliveries to fetch more: engages at the limit and lets go
 * only once the count fell to three quarters of it, so partitions are not paused and resumed on
 * every completion. Not thread-safe: the poll thread owns it.
 */
public final class Backpressure {

    private final int limit;
    private final int resumeBelow;
    private boolean engaged;

    public Backpressure(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be positive, not " + limit);
        }
        this.limit = limit;
        this.resumeBelow = Math.max(1, limit * 3 / 4);
    }

    /** Updates the state with the number of deliveries held now, and answers whether fetching must stop. */
    public boolean engaged(int held) {
        if (held >= limit) {
            engaged = true;
        } else if (held < resumeBelow) {
            engaged = false;
        }
        return engaged;
    }
}
