package io.mediahooks.bench.cluster;

import io.mediahooks.bench.report.LongList;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the records on a topic as a downstream consumer sees them: {@code read_committed}, so
 * under exactly-once a delivery counts once its transaction commits. Keeps the moment each was
 * seen, for the rate, and how long after its event was sent, for the latency. Reads every partition from the beginning on its own thread.
 */
public final class DeliveryCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicLong count = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongList seenNanos = new LongList();
    private final LongList latencyMillis = new LongList();
    private final Thread thread;

    public DeliveryCounter(String bootstrapServers, String topic, int partitions) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> assignment = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(partition -> new TopicPartition(topic, partition)).toList();
        consumer.assign(assignment);
        consumer.seekToBeginning(assignment);
        thread = new Thread(this::run, "delivery-counter");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running.get()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            if (records.isEmpty()) {
                continue;
            }
            long now = System.nanoTime();
            long wallNow = System.currentTimeMillis();
            synchronized (seenNanos) {
                for (var record : records) {
                    seenNanos.add(now);
                    // A delivery keeps its event's record timestamp: the moment the event was sent.
                    latencyMillis.add(wallNow - record.timestamp());
                }
                count.addAndGet(records.count());
            }
        }
        consumer.close();
    }

    public long count() {
        return count.get();
    }

    /** Starts counting afresh (after a warm-up). */
    public void reset() {
        synchronized (seenNanos) {
            seenNanos.clear();
            latencyMillis.clear();
            count.set(0);
        }
    }

    /** When each record was seen, {@code System.nanoTime()}. */
    public long[] seenNanos() {
        synchronized (seenNanos) {
            return seenNanos.toArray();
        }
    }

    /** For each record seen, the milliseconds from its event being sent to the record being seen (read committed). */
    public long[] latencyMillis() {
        synchronized (seenNanos) {
            return latencyMillis.toArray();
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
