package io.mediahooks.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The current value of every key of a compacted topic, read once from the beginning up to the end
 * offsets seen at the start, by assignment (no group, no commits, committed records only).
 */
public final class TableSnapshot {

    private static final Duration POLL = Duration.ofMillis(200);

    private TableSnapshot() {
    }

    /**
     * Reads {@code topic} with a consumer made from {@code clientConfig}; keys as UTF-8, tombstoned keys left out.
     *
     * @throws IllegalStateException when the topic is missing or the end is not reached within {@code timeout}
     */
    public static Map<String, byte[]> read(Map<String, Object> clientConfig, String topic, Duration timeout) {
        Properties properties = new Properties();
        properties.putAll(clientConfig);
        // Pass-through settings may be meant for other clients; the consumer would warn about each.
        properties.keySet().retainAll(ConsumerConfig.configNames());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Instant deadline = Instant.now().plus(timeout);
        Map<String, byte[]> latest = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < ends.get(new TopicPartition(topic, record.partition()))) {
                        apply(latest, record);
                    }
                }
            }
        }
        return latest;
    }

    /** Applies one record of a compacted topic to {@code latest}: the last value of a key wins, a tombstone removes it. */
    public static void apply(Map<String, byte[]> latest, ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            latest.remove(key);
        } else {
            latest.put(key, record.value());
        }
    }
}
