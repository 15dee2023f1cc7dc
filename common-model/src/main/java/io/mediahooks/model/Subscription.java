package io.mediahooks.model;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook an organization registered on {@code webhook-subscriptions}: which events, under
 * which conditions, go to which URL.
 */
public record Subscription(
        SubscriptionId id,
        OrganizationId organizationId,
        URI url,
        EventSelection events,
        List<Condition> conditions,
        boolean enabled,
        Optional<String> description,
        Lifecycle lifecycle) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** A webhook with no lifecycle timestamps, as the CLI and older producers write it. */
    public Subscription(
            SubscriptionId id,
            OrganizationId organizationId,
            URI url,
            EventSelection events,
            List<Condition> conditions,
            boolean enabled,
            Optional<String> description) {
        this(id, organizationId, url, events, conditions, enabled, description, Lifecycle.NONE);
    }

    /**
     * When the webhook was created and last changed (fields {@code created_at}, {@code updated_at}),
     * and why the workers disabled it ({@code disabled_reason}, {@code disabled_at}). All optional on
     * the wire: routing never depends on them.
     */
    public record Lifecycle(Optional<Instant> createdAt, Optional<Instant> updatedAt, Optional<Disabled> disabled) {

        public static final Lifecycle NONE = new Lifecycle(Optional.empty(), Optional.empty(), Optional.empty());

        public Lifecycle {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
            Objects.requireNonNull(disabled, "disabled");
        }
    }

    /** Why and when the delivery workers disabled a webhook whose endpoint kept failing. */
    public record Disabled(String reason, Instant at) {

        public Disabled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /** True when this webhook is enabled, wants the event's type and every condition holds. */
    public boolean matches(MediaEvent event) {
        return enabled
                && organizationId.equals(event.organizationId())
                && events.matches(event.eventType())
                && conditions.stream().allMatch(condition -> condition.holdsFor(event));
    }
}
