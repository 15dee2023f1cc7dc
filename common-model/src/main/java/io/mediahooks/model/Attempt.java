package io.mediahooks.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * @param exchange what was sent and what came back, for people looking at a delivery (empty when nothing was sent)
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
        AttemptOutcome outcome,
        Exchange exchange) {

    /**
     * The headers of the request as it went out (the body is the delivery's), and the first bytes of
     * the response body, decoded as UTF-8. Neither holds a secret: the signatures are HMACs.
     */
    public record Exchange(Map<String, String> requestHeaders, Optional<String> responseBody) {

        /** How much of a response body an attempt keeps. */
        public static final int RESPONSE_BODY_BYTES = 1_024;

        public static final Exchange NONE = new Exchange(Map.of(), Optional.empty());

        public Exchange {
            requestHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
            Objects.requireNonNull(responseBody, "responseBody");
        }
    }

    /** An attempt without the exchange's details (nothing was sent, or a record written before they were kept). */
    public Attempt(DeliveryId deliveryId, SubscriptionId subscriptionId, OrganizationId organizationId, EventId eventId,
                   EventType eventType, int attempt, String url, OptionalInt status, Optional<String> error, long durationMs,
                   Instant attemptedAt, AttemptOutcome outcome) {
        this(deliveryId, subscriptionId, organizationId, eventId, eventType, attempt, url, status, error, durationMs,
                attemptedAt, outcome, Exchange.NONE);
    }

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
        Objects.requireNonNull(exchange, "exchange");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, not " + attempt);
        }
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must not be negative");
        }
    }
}
