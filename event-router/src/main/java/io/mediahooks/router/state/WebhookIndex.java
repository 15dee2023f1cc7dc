package io.mediahooks.router.state;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The router's copy of {@code webhook-subscriptions}: a global key-value store with one entry per
 * webhook, so an organization's size is bounded by nothing but memory and disk, and a second
 * entry per webhook that says which organization it is filed under (so a move can be applied).
 *
 * <pre>
 * &lt;organization id&gt; NUL &lt;subscription id&gt;  →  subscription JSON    (found by a prefix scan of "&lt;organization id&gt; NUL")
 * SOH &lt;subscription id&gt;                    →  organization id (UTF-8)
 * </pre>
 *
 * Ids never hold control characters ({@code Ids}), so neither separator can occur inside an id
 * and the two kinds of keys never meet.
 */
public final class WebhookIndex {

    /** Name of the global store; its source topic is {@code webhook-subscriptions} itself (no changelog). */
    public static final String STORE = "webhooks";
    private static final char ORGANIZATION_END = '\u0000';
    private static final char OWNER = '\u0001';
    private static final StringSerializer PREFIX_SERIALIZER = new StringSerializer();

    private WebhookIndex() {
    }

    /** A persistent (RocksDB) store: memory stays bounded by RocksDB's caches however many webhooks there are. */
    public static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
    }

    /**
     * Files {@code subscription} (its JSON is {@code json}) under its organization, leaving the one it
     * was in before; then bumps the version of each organization it changed.
     */
    static void put(KeyValueStore<String, byte[]> store, WebhookVersions versions, Subscription subscription, byte[] json) {
        SubscriptionId id = subscription.id();
        OrganizationId organization = subscription.organizationId();
        Optional<OrganizationId> left = organizationOf(store, id).filter(previous -> !previous.equals(organization));
        left.ifPresent(previous -> store.delete(webhookKey(previous, id)));
        store.put(webhookKey(organization, id), json);
        store.put(ownerKey(id), organization.value().getBytes(StandardCharsets.UTF_8));
        left.ifPresent(versions::changed);
        versions.changed(organization);
    }

    /** Removes the webhook {@code id}, then bumps its organization's version; true if it was there. */
    static boolean remove(KeyValueStore<String, byte[]> store, WebhookVersions versions, SubscriptionId id) {
        Optional<OrganizationId> organization = organizationOf(store, id);
        organization.ifPresent(owner -> {
            store.delete(webhookKey(owner, id));
            store.delete(ownerKey(id));
            versions.changed(owner);
        });
        return organization.isPresent();
    }

    /** The organization the webhook {@code id} is filed under, if the store has it. */
    public static Optional<OrganizationId> organizationOf(ReadOnlyKeyValueStore<String, byte[]> store, SubscriptionId id) {
        byte[] owner = store.get(ownerKey(id));
        return owner == null ? Optional.empty() : Optional.of(new OrganizationId(new String(owner, StandardCharsets.UTF_8)));
    }

    /** The webhooks of {@code organization}, in subscription id order, decoded through {@code decoder}. */
    public static List<Subscription> webhooksOf(ReadOnlyKeyValueStore<String, byte[]> store, OrganizationId organization,
                                                DecodeCache<Subscription> decoder) {
        List<Subscription> webhooks = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> entries = store.prefixScan(organization.value() + ORGANIZATION_END, PREFIX_SERIALIZER)) {
            while (entries.hasNext()) {
                KeyValue<String, byte[]> entry = entries.next();
                webhooks.add(decoder.decode(entry.key, entry.value));
            }
        }
        return webhooks;
    }

    static String webhookKey(OrganizationId organization, SubscriptionId id) {
        return organization.value() + ORGANIZATION_END + id.value();
    }

    static String ownerKey(SubscriptionId id) {
        return OWNER + id.value();
    }
}
