package io.mediahooks.cli.local;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.DeliveryId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the attempt log says so far: attempts per outcome, and how many deliveries are waiting
 * for a retry right now (their latest attempt scheduled one). Not thread-safe: one consumer feeds it.
 */
public final class ProgressCounts {

    private final Map<AttemptOutcome, Long> byOutcome = new EnumMap<>(AttemptOutcome.class);
    private final Map<DeliveryId, AttemptOutcome> latest = new HashMap<>();
    private long retrying;

    public void record(Attempt attempt) {
        byOutcome.merge(attempt.outcome(), 1L, Long::sum);
        AttemptOutcome previous = latest.put(attempt.deliveryId(), attempt.outcome());
        if (previous == AttemptOutcome.RETRY_SCHEDULED) {
            retrying--;
        }
        if (attempt.outcome() == AttemptOutcome.RETRY_SCHEDULED) {
            retrying++;
        } else {
            // A delivery that is done needs no more tracking.
            latest.remove(attempt.deliveryId());
        }
    }

    public long count(AttemptOutcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    /** Deliveries whose latest attempt scheduled a retry. */
    public long retrying() {
        return retrying;
    }

    /** {@code delivered 20, retrying 2 (6 retries so far), dead-lettered 1, dropped 0}. */
    public String summary() {
        return "delivered " + count(AttemptOutcome.DELIVERED)
                + ", retrying " + retrying + " (" + count(AttemptOutcome.RETRY_SCHEDULED) + " retries so far)"
                + ", dead-lettered " + count(AttemptOutcome.DEAD_LETTERED)
                + ", dropped " + count(AttemptOutcome.DROPPED);
    }
}
