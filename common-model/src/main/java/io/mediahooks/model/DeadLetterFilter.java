package io.mediahooks.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which dead letters to list or replay: by webhook, organization and the time they were
 * dead-lettered, {@code since} inclusive and {@code until} exclusive. Shared by the CLI's
 * {@code dead-letters list/replay} and the management API's dead letters and recover jobs.
 */
public record DeadLetterFilter(
        Optional<SubscriptionId> webhook,
        Optional<OrganizationId> organization,
        Optional<Instant> since,
        Optional<Instant> until) {

    public DeadLetterFilter {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("since must be before until");
        }
    }

    public static DeadLetterFilter all() {
        return new DeadLetterFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * When {@code deadLetter} was dead-lettered: the time of the attempt that ended it, or the
     * record's timestamp for a dead letter that carries no attempt.
     */
    public static Instant deadLetteredAt(Delivery deadLetter, Instant recordTimestamp) {
        return deadLetter.lastAttempt().map(Attempt::attemptedAt).orElse(recordTimestamp);
    }

    public boolean matches(Delivery deadLetter, Instant recordTimestamp) {
        Instant at = deadLetteredAt(deadLetter, recordTimestamp);
        return webhook.map(deadLetter.subscriptionId()::equals).orElse(true)
                && organization.map(deadLetter.organizationId()::equals).orElse(true)
                && since.map(start -> !at.isBefore(start)).orElse(true)
                && until.map(at::isBefore).orElse(true);
    }
}
