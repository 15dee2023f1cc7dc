package io.mediahooks.router.state;

import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.RouterMetrics.InputKind;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies {@code webhook-subscriptions} to the {@link WebhookIndex}: adds, updates, moves between organizations, tombstones. */
public final class SubscriptionIndexer extends TableUpdater<SubscriptionId, Subscription> {

    public SubscriptionIndexer(RouterMetrics metrics) {
        super(WebhookIndex.STORE, InputKind.SUBSCRIPTION, "id", Topics.SUBSCRIPTION_ID.deserializer(), SubscriptionCodec.INSTANCE,
                Subscription::id, metrics);
    }

    @Override
    void put(KeyValueStore<String, byte[]> store, Subscription subscription, byte[] json) {
        WebhookIndex.put(store, subscription, json);
    }

    @Override
    boolean remove(KeyValueStore<String, byte[]> store, SubscriptionId id) {
        return WebhookIndex.remove(store, id);
    }
}
