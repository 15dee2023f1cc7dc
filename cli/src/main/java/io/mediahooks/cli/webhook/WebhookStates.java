package io.mediahooks.cli.webhook;

import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.cli.kafka.TopicReader;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The webhooks as they stand now, each with the state the workers gave it: the latest record of
 * each id on {@code webhook-subscriptions}, and the latest operational event of each id, which
 * disables the webhook only while it names the webhook's current record (any later write of the
 * webhook enables it again: the rule of {@link OperationalEvent#disables(long)}).
 */
final class WebhookStates {

    /** One webhook now: its record, the offset of that record, and its latest operational event. */
    record State(Subscription webhook, long offset, Optional<OperationalEvent> health) {

        /** Why and since when the workers disabled it, when they did and nobody changed it since. */
        Optional<Subscription.Disabled> disabled() {
            return health.filter(event -> event.disables(offset))
                    .map(event -> new Subscription.Disabled(event.reason(), event.at()))
                    .or(() -> webhook.lifecycle().disabled());
        }

        /** {@code enabled}, {@code off (by its owner)}, or {@code DISABLED since <at>: <reason>}. */
        String status() {
            Optional<Subscription.Disabled> disabled = disabled();
            if (disabled.isPresent()) {
                return "DISABLED since " + disabled.get().at() + ": " + disabled.get().reason();
            }
            if (!webhook.enabled()) {
                return "off (enabled=false)";
            }
            return health.filter(event -> event.type() == OperationalEvent.Type.ENDPOINT_OPENED)
                    .map(event -> "enabled, endpoint failing since " + event.failingSince().orElse(event.at()) + " (circuit open)")
                    .orElse("enabled");
        }
    }

    /** The webhooks read, and how many records could not be read (the services skip them too, keeping the previous version). */
    record Snapshot(List<State> webhooks, int unreadable) {
    }

    private WebhookStates() {
    }

    /** The current webhooks that {@code wanted} selects, ordered by organization and id. */
    static Snapshot read(KafkaSession kafka, Predicate<Subscription> wanted) {
        Latest<SubscriptionId, Subscription> webhooks = latest(kafka, kafka.topics().subscriptions());
        Latest<SubscriptionId, OperationalEvent> health = latest(kafka, kafka.topics().operationalEvents());
        List<State> states = new ArrayList<>();
        webhooks.values().forEach((id, record) -> {
            if (wanted.test(record.value())) {
                states.add(new State(record.value(), record.offset(), Optional.ofNullable(health.values().get(id)).map(Versioned::value)));
            }
        });
        states.sort(Comparator.comparing((State state) -> state.webhook().organizationId().value())
                .thenComparing(state -> state.webhook().id().value()));
        return new Snapshot(states, webhooks.unreadable() + health.unreadable());
    }

    /** Whether {@code webhook} belongs to {@code organization}, or any when none is named. */
    static Predicate<Subscription> of(Optional<OrganizationId> organization) {
        return webhook -> organization.map(webhook.organizationId()::equals).orElse(true);
    }

    private record Versioned<V>(V value, long offset) {
    }

    private record Latest<K, V>(Map<K, Versioned<V>> values, int unreadable) {
    }

    /** The latest value of every key of a compacted topic (a tombstone removes it), as the services' tables hold it. */
    private static <K, V> Latest<K, V> latest(KafkaSession kafka, Topic<K, V> topic) {
        kafka.requireTopics(topic.name());
        Map<K, Versioned<V>> values = new HashMap<>();
        int[] unreadable = {0};
        try (var consumer = kafka.newReader()) {
            new TopicReader(consumer, topic.name()).readSnapshot(record -> {
                try {
                    K key = topic.keySerde().deserializer().deserialize(record.topic(), record.key());
                    if (record.value() == null) {
                        values.remove(key);
                    } else {
                        values.put(key, new Versioned<>(topic.valueSerde().deserializer().deserialize(record.topic(), record.value()),
                                record.offset()));
                    }
                } catch (RuntimeException e) {
                    unreadable[0]++; // an invalid key or value: not applied, as in the services
                }
            });
        }
        return new Latest<>(values, unreadable[0]);
    }
}
