package io.mediahooks.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The configuration of each Kafka client of the worker, in three layers: the worker's defaults,
 * then the operator's {@code MEDIAHOOKS_KAFKA_*} pass-through (only the keys that client knows, so
 * a consumer setting does not make the producer warn), then what correctness depends on.
 */
final class KafkaClients {

    private KafkaClients() {
    }

    /** The group consumer of the delivery and retry topics: manual commits, committed records only. */
    static Map<String, Object> consumer(WorkerConfig config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // Cooperative rebalancing hands back only the partitions that move; the others keep delivering.
        settings.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        settings.putAll(overrides(config, ConsumerConfig.configNames()));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        return withConsumerEssentials(settings);
    }

    /** The group-less consumer behind the webhook view: it assigns itself every partition. */
    static Map<String, Object> viewConsumer(WorkerConfig config) {
        Map<String, Object> settings = new HashMap<>(overrides(config, ConsumerConfig.configNames()));
        settings.keySet().removeIf(key -> key.startsWith("group."));
        return withConsumerEssentials(settings);
    }

    /** The producer of retries, dead letters and attempts: idempotent, acknowledged by all in-sync replicas. */
    static Map<String, Object> producer(WorkerConfig config) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // One request in flight per broker: with more, a partition's first requests can overtake each
        // other while the broker is still opening a new partition, and the overtaken batch is then
        // rejected until it expires (KAFKA-15591) - a stalled worker after topics or partitions are added.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        settings.putAll(overrides(config, ProducerConfig.configNames()));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return settings;
    }

    static Map<String, Object> admin(WorkerConfig config) {
        return new HashMap<>(overrides(config, AdminClientConfig.configNames()));
    }

    private static Map<String, Object> withConsumerEssentials(Map<String, Object> settings) {
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // The router writes deliveries in transactions: aborted ones must never be sent.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return settings;
    }

    private static Map<String, Object> overrides(WorkerConfig config, Set<String> known) {
        Map<String, Object> settings = new HashMap<>();
        config.common().kafkaClientConfig().forEach((key, value) -> {
            if (known.contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.common().bootstrapServers());
        return settings;
    }
}
