package io.mediahooks.router.routing;

import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The current webhooks of one organization, by subscription id: the value of the router's
 * per-organization aggregate of {@code webhook-subscriptions}. Immutable; ordered by id so that
 * fan-out order is stable.
 */
public final class OrganizationWebhooks {

    private static final OrganizationWebhooks EMPTY = new OrganizationWebhooks(Map.of());
    private static final Comparator<Subscription> BY_ID = Comparator.comparing(subscription -> subscription.id().value());

    private final Map<SubscriptionId, Subscription> byId;

    private OrganizationWebhooks(Map<SubscriptionId, Subscription> byId) {
        this.byId = byId;
    }

    public static OrganizationWebhooks empty() {
        return EMPTY;
    }

    /** The given webhooks; a later one replaces an earlier one with the same id. */
    public static OrganizationWebhooks of(Collection<Subscription> subscriptions) {
        Map<SubscriptionId, Subscription> byId = new HashMap<>();
        for (Subscription subscription : subscriptions) {
            byId.put(subscription.id(), subscription);
        }
        return byId.isEmpty() ? EMPTY : sorted(byId);
    }

    /** These webhooks with {@code subscription} added, or replacing the one with its id. */
    public OrganizationWebhooks with(Subscription subscription) {
        Map<SubscriptionId, Subscription> copy = new HashMap<>(byId);
        copy.put(subscription.id(), subscription);
        return sorted(copy);
    }

    /** These webhooks without the one with {@code id}, if it was there. */
    public OrganizationWebhooks without(SubscriptionId id) {
        if (!byId.containsKey(id)) {
            return this;
        }
        Map<SubscriptionId, Subscription> copy = new HashMap<>(byId);
        copy.remove(id);
        return sorted(copy);
    }

    /** The webhooks ordered by subscription id. */
    public Collection<Subscription> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    private static OrganizationWebhooks sorted(Map<SubscriptionId, Subscription> unsorted) {
        Map<SubscriptionId, Subscription> ordered = new LinkedHashMap<>();
        unsorted.values().stream().sorted(BY_ID).forEach(subscription -> ordered.put(subscription.id(), subscription));
        return new OrganizationWebhooks(Collections.unmodifiableMap(ordered));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OrganizationWebhooks that && byId.equals(that.byId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byId);
    }

    @Override
    public String toString() {
        return "OrganizationWebhooks" + byId.keySet();
    }
}
