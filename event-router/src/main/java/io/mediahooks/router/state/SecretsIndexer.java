package io.mediahooks.router.state;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.RouterMetrics.InputKind;
import org.apache.kafka.streams.state.KeyValueStore;

/** Applies {@code webhook-secrets} to the {@link SecretsIndex}; a tombstone removes an organization's secrets. */
public final class SecretsIndexer extends TableUpdater<OrganizationId, OrganizationSecrets> {

    /** Opens each record with {@code atRest} to check it; a record that does not open is rejected like any invalid one. */
    public SecretsIndexer(SecretsAtRest atRest, RouterMetrics metrics) {
        super(SecretsIndex.STORE, InputKind.SECRETS, "organization_id", Topics.ORGANIZATION_ID.deserializer(),
                new OrganizationSecretsCodec(atRest), OrganizationSecrets::organizationId, metrics);
    }

    @Override
    void put(KeyValueStore<String, byte[]> store, OrganizationSecrets secrets, byte[] json) {
        SecretsIndex.put(store, secrets, json);
    }

    @Override
    boolean remove(KeyValueStore<String, byte[]> store, OrganizationId organization) {
        return SecretsIndex.remove(store, organization);
    }
}
