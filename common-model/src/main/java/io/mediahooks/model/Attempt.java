package io.mediahooks.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt to deliver, one record on {@code webhook-attempts}; also the last attempt carried
 * by a dead letter.
 *
 * @param attempt  1 for the first attempt
 * @param url      where it was sent (the webhook's URL at that moment)
 * @param status   the HTTP status, absent when no response came (timeout, connection error) or nothing was sent
 * @param error    a one-line reason when it failed without a status, or why it was dropped
 */
public record Attempt(
        DeliveryId deliveryId,
        SubscriptionId subscriptionId,
        OrganizationId organizationId,
        EventId eventId,
        EventType eventType,
        int attempt,
        String url,
        OptionalInt status,
        Optional<String> error,
        long durationMs,
        Instant attemptedAt,
        AttemptOutcome outcome) {

    public Attempt {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(outcome, "outcome");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, not " + attempt);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative");
        }
    }
}
