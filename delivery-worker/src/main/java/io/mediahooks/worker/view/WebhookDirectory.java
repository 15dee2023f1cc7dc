package io.mediahooks.worker.view;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.worker.outcome.DropReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's view of {@code webhook-subscriptions}, {@code webhook-secrets} and
 * {@code webhook-operational-events}: the webhooks (with the offset of their record, their
 * revision), secrets and health as they are now, so a delivery follows its webhook (deleted,
 * disabled, or disabled by the workers at its current revision: dropped; URL changed: the new URL).
 * Written by the view reader, read by any thread.
 */
public final class WebhookDirectory {

    /** A webhook and the offset of its record on the subscriptions topic: its revision. */
    public record Revision(Subscription subscription, long offset) {
    }

    private final Map<SubscriptionId, Revision> subscriptions = new ConcurrentHashMap<>();
    private final Map<OrganizationId, OrganizationSecrets> secrets = new ConcurrentHashMap<>();
    private final Map<SubscriptionId, OperationalEvent> health = new ConcurrentHashMap<>();

    /** A webhook whose revision does not matter (tests). */
    public void putSubscription(Subscription subscription) {
        putSubscription(subscription, -1);
    }

    /** The webhook as read at {@code offset} of the subscriptions topic. */
    public void putSubscription(Subscription subscription, long offset) {
        subscriptions.put(subscription.id(), new Revision(subscription, offset));
    }

    /** The latest operational event of a webhook: whether it is disabled, and since when its endpoint fails. */
    public void putHealth(OperationalEvent event) {
        health.put(event.subscriptionId(), event);
    }

    public void removeHealth(SubscriptionId id) {
        health.remove(id);
    }

    /** The webhook as it is now, with its revision. */
    public Optional<Revision> revision(SubscriptionId id) {
        return Optional.ofNullable(subscriptions.get(id));
    }

    /** The latest operational event of a webhook, if any. */
    public Optional<OperationalEvent> health(SubscriptionId id) {
        return Optional.ofNullable(health.get(id));
    }

    public void removeSubscription(SubscriptionId id) {
        subscriptions.remove(id);
    }

    public void putSecrets(OrganizationSecrets organizationSecrets) {
        secrets.put(organizationSecrets.organizationId(), organizationSecrets);
    }

    public void removeSecrets(OrganizationId organization) {
        secrets.remove(organization);
    }

    public int subscriptionCount() {
        return subscriptions.size();
    }

    public int organizationCount() {
        return secrets.size();
    }

    /** What to do with {@code delivery} at {@code now}. */
    public Resolution resolve(Delivery delivery, Instant now) {
        Revision revision = subscriptions.get(delivery.subscriptionId());
        if (revision == null) {
            return new Resolution.Drop(DropReason.WEBHOOK_DELETED, delivery.url());
        }
        Subscription subscription = revision.subscription();
        String url = subscription.url().toString();
        if (!subscription.enabled()) {
            return new Resolution.Drop(DropReason.WEBHOOK_DISABLED, url);
        }
        OperationalEvent latest = health.get(delivery.subscriptionId());
        if (latest != null && latest.disables(revision.offset())) {
            // Disabled by the workers at this very revision; any later update of the webhook enables it again.
            return new Resolution.Drop(DropReason.WEBHOOK_AUTO_DISABLED, url);
        }
        if (!subscription.organizationId().equals(delivery.organizationId())) {
            // Never send one organization's event to a URL another organization now controls.
            return new Resolution.Drop(DropReason.ORGANIZATION_CHANGED, url);
        }
        OrganizationSecrets organizationSecrets = secrets.get(delivery.organizationId());
        List<WebhookSecret> live = organizationSecrets == null ? List.of() : organizationSecrets.liveAt(now);
        if (live.isEmpty()) {
            return new Resolution.Drop(DropReason.NO_LIVE_SECRET, url);
        }
        return new Resolution.Send(subscription.url(), live);
    }
}
