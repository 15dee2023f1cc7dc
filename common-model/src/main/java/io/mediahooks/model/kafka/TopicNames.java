package io.mediahooks.model.kafka;

import java.util.Objects;

/**
 * The names of mediahooks' topics; {@link #defaults()} gives those of SPEC.md. Retry topics are
 * named {@code retryPrefix + delay label}, e.g. {@code webhook-retry-5s}.
 */
public record TopicNames(
        String mediaEvents,
        String mediaEventsInvalid,
        String subscriptions,
        String secrets,
        String deliveries,
        String retryPrefix,
        String deadLetters,
        String attempts,
        String operationalEvents,
        String apiKeys) {

    public TopicNames {
        Objects.requireNonNull(mediaEvents, "mediaEvents");
        Objects.requireNonNull(mediaEventsInvalid, "mediaEventsInvalid");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(retryPrefix, "retryPrefix");
        Objects.requireNonNull(deadLetters, "deadLetters");
        Objects.requireNonNull(attempts, "attempts");
        Objects.requireNonNull(operationalEvents, "operationalEvents");
        Objects.requireNonNull(apiKeys, "apiKeys");
    }

    public static TopicNames defaults() {
        return new TopicNames("media-events", "media-events-invalid", "webhook-subscriptions", "webhook-secrets",
                "webhook-deliveries", "webhook-retry-", "webhook-dead-letters", "webhook-attempts",
                "webhook-operational-events", "webhook-api-keys");
    }

    /** The same names with {@code prefix} before each: tests use it to keep runs apart. */
    public TopicNames prefixed(String prefix) {
        return new TopicNames(prefix + mediaEvents, prefix + mediaEventsInvalid, prefix + subscriptions,
                prefix + secrets, prefix + deliveries, prefix + retryPrefix, prefix + deadLetters, prefix + attempts,
                prefix + operationalEvents, prefix + apiKeys);
    }
}
