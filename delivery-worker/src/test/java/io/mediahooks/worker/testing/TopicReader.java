package io.mediahooks.worker.testing;

import io.mediahooks.model.kafka.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a topic from the beginning for assertions: every call of {@link #read} returns every
 * value written before the call (it reads up to the end offsets of that moment), so it fits an
 * Awaitility condition and a plain assertion alike.
 */
public final class TopicReader<V> implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Topic<?, V> topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<V> values = new ArrayList<>();

    public TopicReader(String bootstrapServers, Topic<?, V> topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every value written before this call, in the order of each partition. */
    public synchronized List<V> read() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment(), PATIENCE);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        do {
            consumer.poll(Duration.ofMillis(100)).forEach(record -> values.add(record.value() == null ? null
                    : topic.valueSerde().deserializer().deserialize(record.topic(), record.value())));
        } while (!reached(end) && System.nanoTime() < deadline);
        if (!reached(end)) {
            throw new IllegalStateException("could not read " + topic.name() + " up to " + end + " within " + PATIENCE);
        }
        return java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(partition -> consumer.position(partition.getKey(), PATIENCE) >= partition.getValue());
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
