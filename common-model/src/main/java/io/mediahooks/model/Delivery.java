package io.mediahooks.model;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One event for one subscription: what the router writes to {@code webhook-deliveries}, and what
 * travels through the retry topics and into the dead letters.
 *
 * @param url         the webhook's URL when routed; the worker sends to the webhook's current URL
 * @param body        the exact JSON body every attempt sends, serialized once by the router
 * @param attempts    how many attempts were made before this record (0 on {@code webhook-deliveries})
 * @param notBefore   when the next attempt is due; absent means now
 * @param lastAttempt the previous attempt, when there was one (always on a dead letter)
 */
public record Delivery(
        DeliveryId deliveryId,
        SubscriptionId subscriptionId,
        OrganizationId organizationId,
        EventId eventId,
        EventType eventType,
        RfcTimestamp createdAt,
        String url,
        String body,
        Instant routedAt,
        int attempts,
        Optional<Instant> notBefore,
        Optional<Attempt> lastAttempt) {

    public Delivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(routedAt, "routedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** A new delivery of {@code event} to {@code subscription}, routed at {@code now}. */
    public static Delivery route(MediaEvent event, Subscription subscription, String body, Instant now) {
        return new Delivery(
                DeliveryId.of(event.organizationId(), event.eventId(), subscription.id()),
                subscription.id(),
                event.organizationId(),
                event.eventId(),
                event.eventType(),
                event.createdAt(),
                subscription.url().toString(),
                body,
                now,
                0,
                Optional.empty(),
                Optional.empty());
    }

    /** The body as sent on the wire. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** This delivery after {@code attempt} failed, due again at {@code due}. */
    public Delivery retryAfter(Attempt attempt, Instant due) {
        return new Delivery(deliveryId, subscriptionId, organizationId, eventId, eventType, createdAt, attempt.url(),
                body, routedAt, attempt.attempt(), Optional.of(due), Optional.of(attempt));
    }

    /** This delivery as a dead letter, carrying the attempt that ended it. */
    public Delivery deadLettered(Attempt attempt) {
        return new Delivery(deliveryId, subscriptionId, organizationId, eventId, eventType, createdAt, attempt.url(),
                body, routedAt, attempt.attempt(), Optional.empty(), Optional.of(attempt));
    }

    /** A dead letter put back for a fresh round of attempts: same id and body, attempts reset. */
    public Delivery replayed() {
        return new Delivery(deliveryId, subscriptionId, organizationId, eventId, eventType, createdAt, url,
                body, routedAt, 0, Optional.empty(), lastAttempt);
    }
}
