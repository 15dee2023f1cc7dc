package io.mediahooks.router.errors;

import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.RouterMetrics;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the router's Kafka Streams error handlers need. Streams creates the handlers itself from
 * class names, so this travels in the Streams config map and {@code configure} reads it back.
 *
 * @param eventTopics the topics whose records are media events: the input and the router's own re-keyed copy
 * @param maxRecordBytes the largest record the router's producer sends: a larger invalid event is set aside without its value
 */
public record HandlerSettings(TopicNames topics, Set<String> eventTopics, RouterMetrics metrics, int maxRecordBytes) {

    private static final String CONFIG_KEY = "mediahooks.router.handler.settings";

    public HandlerSettings {
        Objects.requireNonNull(topics, "topics");
        eventTopics = Set.copyOf(eventTopics);
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The entry to put into the Streams config. */
    public Map<String, Object> asConfig() {
        return Map.of(CONFIG_KEY, this);
    }

    static HandlerSettings from(Map<String, ?> configs) {
        if (configs.get(CONFIG_KEY) instanceof HandlerSettings settings) {
            return settings;
        }
        throw new IllegalStateException(CONFIG_KEY + " is missing from the Streams config: build it with RouterConfig.streamsConfig");
    }
}
