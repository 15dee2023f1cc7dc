package io.mediahooks.reliability.cluster;

import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.model.kafka.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a whole topic as a downstream consumer sees it ({@code read_committed}), from the first
 * record to the end offsets of the moment it starts, through the topic's own codec.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every value of {@code topic}, in partition order.
     *
     * @throws IllegalStateException when the end is not reached within {@code timeout}, or a record does not decode
     */
    public static <K, V> List<V> readAll(String bootstrapServers, Topic<K, V> topic, Duration timeout) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = IntStream.range(0, KafkaSide.PARTITIONS)
                    .mapToObj(partition -> new TopicPartition(topic.name(), partition)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, timeout) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topic.name() + " was not read to its end within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(topic.valueSerde().deserializer().deserialize(topic.name(), record.value()));
                }
            }
        }
        return values;
    }
}
