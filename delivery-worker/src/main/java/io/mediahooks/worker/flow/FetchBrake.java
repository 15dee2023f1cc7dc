package io.mediahooks.worker.flow;

/**
 * Which fetching the poll loop must stop, from what the worker holds. Everything stops at the
 * held budget ({@link Backpressure}: a count of deliveries and the bytes of their records). Below
 * it, deliveries from the retry topics may take only a quarter of the count: they come in bursts
 * (a retry partition falling due returns hundreds of records in one fetch, for failing endpoints
 * mostly, which defer them again), and without a share of their own such a burst filled the
 * budget and paused the first attempts of every healthy endpoint with it. A quarter, not nothing:
 * retries still flow beside a backlog of first attempts. The loop asks before each poll, so one
 * poll (up to {@code max.poll.records}, 500) can take retries past their share: a soft limit,
 * which bounds a burst to the share plus one poll. Not thread-safe: the poll thread owns it.
 */
public final class FetchBrake {

    /** What to stop fetching. */
    public enum Stop { NOTHING, RETRIES, EVERYTHING }

    private final Backpressure everything;
    private final Backpressure retries;

    public FetchBrake(int maxHeld, long maxHeldBytes) {
        this.everything = new Backpressure(maxHeld, maxHeldBytes);
        this.retries = new Backpressure(Math.max(1, maxHeld / 4));
    }

    /**
     * Updates the state with what is held now and answers what must stop.
     *
     * @param held        deliveries held, from every topic
     * @param heldBytes   bytes of their records
     * @param retriesHeld the part of {@code held} read from retry topics
     */
    public Stop update(int held, long heldBytes, int retriesHeld) {
        boolean all = everything.engaged(held, heldBytes);
        boolean retry = retries.engaged(retriesHeld);
        return all ? Stop.EVERYTHING : retry ? Stop.RETRIES : Stop.NOTHING;
    }
}
