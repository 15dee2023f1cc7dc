package io.mediahooks.worker.view;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.worker.outcome.DropReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worker's view of {@code webhook-subscriptions} and {@code webhook-secrets}: the webhooks and
 * secrets as they are now, so a delivery follows its webhook (deleted or disabled: dropped; URL
 * changed: the new URL). Written by the view reader, read by any thread.
 */
public final class WebhookDirectory {

    private final Map<SubscriptionId, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<OrganizationId, OrganizationSecrets> secrets = new ConcurrentHashMap<>();

    public void putSubscription(Subscription subscription) {
        subscriptions.put(subscription.id(), subscription);
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
        Subscription subscription = subscriptions.get(delivery.subscriptionId());
        if (subscription == null) {
            return new Resolution.Drop(DropReason.WEBHOOK_DELETED, delivery.url());
        }
        String url = subscription.url().toString();
        if (!subscription.enabled()) {
            return new Resolution.Drop(DropReason.WEBHOOK_DISABLED, url);
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
