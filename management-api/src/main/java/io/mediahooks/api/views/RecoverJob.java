package io.mediahooks.api.views;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A background replay of one webhook's dead letters, as kept on the API's jobs topic (compacted,
 * keyed by job id), so that any instance answers for it.
 */
public record RecoverJob(
        String id,
        OrganizationId organizationId,
        SubscriptionId subscriptionId,
        Instant since,
        Optional<Instant> until,
        State state,
        int matched,
        int replayed,
        Optional<String> error,
        Instant createdAt,
        Instant updatedAt) {

    /** Where a job is: queued, running, then succeeded or failed. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RecoverJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The job as it stands at {@code now}: a job still queued or running whose record has not been
     * renewed for {@code silence} lost the instance that ran it (each instance renews its jobs far more
     * often), so it is failed, with its last counts and the time of that last word.
     */
    public RecoverJob asSeenAt(Instant now, Duration silence) {
        boolean unfinished = state == State.QUEUED || state == State.RUNNING;
        if (!unfinished || !updatedAt.plus(silence).isBefore(now)) {
            return this;
        }
        return progressed(State.FAILED, matched, replayed, Optional.of("abandoned: the instance running it has not reported since "
                + updatedAt + " (it stopped); start another job for the rest, a replay is safe to repeat (receivers de-duplicate"
                + " on webhook-id)"), updatedAt);
    }

    public RecoverJob progressed(State newState, int newMatched, int newReplayed, Optional<String> newError, Instant now) {
        return new RecoverJob(id, organizationId, subscriptionId, since, until, newState, newMatched, newReplayed, newError,
                createdAt, now);
    }
}
