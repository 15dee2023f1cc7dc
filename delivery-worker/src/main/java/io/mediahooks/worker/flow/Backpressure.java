package io.mediahooks.worker.flow;

/**
 * Whether the worker holds too much to fetch more, by count of deliveries and by bytes of their
 * records: engages at either limit and lets go only once both fell to three quarters of theirs,
 * so partitions are not paused and resumed on every completion. Not thread-safe: the poll thread
 * owns it.
 */
public final class Backpressure {

    private final int limit;
    private final int resumeBelow;
    private final long byteLimit;
    private final long resumeBelowBytes;
    private boolean engaged;

    public Backpressure(int limit) {
        this(limit, Long.MAX_VALUE);
    }

    public Backpressure(int limit, long byteLimit) {
        if (limit < 1 || byteLimit < 1) {
            throw new IllegalArgumentException("the limits must be positive, not " + limit + " and " + byteLimit);
        }
        this.limit = limit;
        this.resumeBelow = Math.max(1, limit * 3 / 4);
        this.byteLimit = byteLimit;
        this.resumeBelowBytes = Math.max(1, byteLimit / 4 * 3);
    }

    /** Updates the state with the number of deliveries held now, and answers whether fetching must stop. */
    public boolean engaged(int held) {
        return engaged(held, 0);
    }

    /** Updates the state with the deliveries and bytes held now, and answers whether fetching must stop. */
    public boolean engaged(int held, long heldBytes) {
        if (held >= limit || heldBytes >= byteLimit) {
            engaged = true;
        } else if (held < resumeBelow && heldBytes < resumeBelowBytes) {
            engaged = false;
        }
        return engaged;
    }
}
