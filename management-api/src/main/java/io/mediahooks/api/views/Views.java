package io.mediahooks.api.views;

import io.mediahooks.api.http.ApiProblem;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The views of this instance, read through interactive queries of its global stores. */
public final class Views {

    private final KafkaStreams streams;
    private final ViewUpdates updates;

    public Views(KafkaStreams streams, ViewUpdates updates) {
        this.streams = streams;
        this.updates = updates;
    }

    public ViewUpdates updates() {
        return updates;
    }

    public ReadOnlyKeyValueStore<String, byte[]> subscriptions() {
        return store(ViewTopology.SUBSCRIPTIONS);
    }

    public ReadOnlyKeyValueStore<String, byte[]> secrets() {
        return store(ViewTopology.SECRETS);
    }

    public ReadOnlyKeyValueStore<String, byte[]> apiKeys() {
        return store(ViewTopology.API_KEYS);
    }

    public ReadOnlyKeyValueStore<String, byte[]> jobs() {
        return store(ViewTopology.JOBS);
    }

    public ReadOnlyKeyValueStore<String, byte[]> attempts() {
        return store(ViewTopology.ATTEMPTS);
    }

    public ReadOnlyKeyValueStore<String, byte[]> deliveries() {
        return store(ViewTopology.DELIVERIES);
    }

    public ReadOnlyKeyValueStore<String, byte[]> deadLetters() {
        return store(ViewTopology.DEAD_LETTERS);
    }

    public ReadOnlyKeyValueStore<String, byte[]> operationalEvents() {
        return store(ViewTopology.OPERATIONAL);
    }

    /** True once every view has been restored to the end of its topic and is being kept up to date. */
    public boolean ready() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    private ReadOnlyKeyValueStore<String, byte[]> store(String name) {
        if (!ready()) {
            throw ApiProblem.unavailable("the views are not ready yet (Kafka Streams is " + streams.state() + ")");
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw ApiProblem.unavailable("the view " + name + " is not available: " + e.getMessage());
        }
    }
}
