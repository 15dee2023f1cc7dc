package io.mediahooks.api.views;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
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

    public RecoverJob progressed(State newState, int newMatched, int newReplayed, Optional<String> newError, Instant now) {
        return new RecoverJob(id, organizationId, subscriptionId, since, until, newState, newMatched, newReplayed, newError,
                createdAt, now);
    }
}
