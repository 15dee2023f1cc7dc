package io.mediahooks.model;

import java.net.URI;
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
        Optional<String> description) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(events, "events");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(description, "description");
    }

    /** True when this webhook is enabled, wants the event's type and every condition holds. */
    public boolean matches(MediaEvent event) {
        return enabled
                && organizationId.equals(event.organizationId())
                && events.matches(event.eventType())
                && conditions.stream().allMatch(condition -> condition.holdsFor(event));
    }
}
