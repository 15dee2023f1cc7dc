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
 * Follows a topic from the beginning for assertions: every call of {@link #read} polls once and
 * returns all values seen so far, so it fits an Awaitility condition.
 */
public final class TopicReader<V> implements AutoCloseable {

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

    /** Everything read so far, after one more poll. */
    public synchronized List<V> read() {
        consumer.poll(Duration.ofMillis(100)).forEach(record ->
                values.add(record.value() == null ? null : topic.valueSerde().deserializer().deserialize(record.topic(), record.value())));
        return java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
