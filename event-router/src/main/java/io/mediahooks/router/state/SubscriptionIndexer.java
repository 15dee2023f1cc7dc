package io.mediahooks.router.state;

import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.RouterMetrics.InputKind;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies {@code webhook-subscriptions} to the {@link WebhookIndex}: adds, updates, moves between organizations, tombstones.
 * A webhook whose URL the {@link UrlPolicy} refuses is rejected like any invalid record (SPEC: a URL is validated the same
 * way everywhere it enters), so the router never routes to it and the previous version stays.
 */
public final class SubscriptionIndexer extends TableUpdater<SubscriptionId, Subscription> {

    private final UrlPolicy urlPolicy;
    private final WebhookVersions versions;

    /** @param versions bumped after each change, for the stream threads' {@link OrganizationWebhooks} */
    public SubscriptionIndexer(UrlPolicy urlPolicy, WebhookVersions versions, RouterMetrics metrics) {
        super(WebhookIndex.STORE, InputKind.SUBSCRIPTION, "id", Topics.SUBSCRIPTION_ID.deserializer(), SubscriptionCodec.INSTANCE,
                Subscription::id, metrics);
        this.urlPolicy = urlPolicy;
        this.versions = versions;
    }

    @Override
    Optional<String> problem(Subscription subscription) {
        return urlPolicy.refusal(subscription.url()).map(reason -> "url: " + reason);
    }

    @Override
    void put(KeyValueStore<String, byte[]> store, Subscription subscription, byte[] json) {
        WebhookIndex.put(store, versions, subscription, json);
    }

    @Override
    boolean remove(KeyValueStore<String, byte[]> store, SubscriptionId id) {
        return WebhookIndex.remove(store, versions, id);
    }
}
