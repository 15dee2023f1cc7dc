package io.mediahooks.router.state;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The router's copy of {@code webhook-secrets}: a global store of each organization's secrets JSON,
 * by organization id, as the record's bytes: secrets stay sealed on disk, and are opened only by the
 * {@link DecodeCache} of whoever reads them.
 */
public final class SecretsIndex {

    /** Name of the global store; its source topic is {@code webhook-secrets} itself (no changelog). */
    public static final String STORE = "secrets";

    private SecretsIndex() {
    }

    public static StoreBuilder<KeyValueStore<String, byte[]>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled();
    }

    /** The secrets of {@code organization}, if it has any. */
    public static Optional<OrganizationSecrets> secretsOf(ReadOnlyKeyValueStore<String, byte[]> store, OrganizationId organization,
                                                          DecodeCache<OrganizationSecrets> decoder) {
        byte[] json = store.get(organization.value());
        return json == null ? Optional.empty() : Optional.of(decoder.decode(organization.value(), json));
    }

    static void put(KeyValueStore<String, byte[]> store, OrganizationSecrets secrets, byte[] json) {
        store.put(secrets.organizationId().value(), json);
    }

    static boolean remove(KeyValueStore<String, byte[]> store, OrganizationId organization) {
        return store.delete(organization.value()) != null;
    }
}
