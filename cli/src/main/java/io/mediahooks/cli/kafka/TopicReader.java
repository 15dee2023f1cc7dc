package io.mediahooks.cli.kafka;

import io.mediahooks.cli.CliException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads every partition of one topic by assignment (no consumer group, no commits): either up to
 * the end offsets seen when it starts (a snapshot), or on and on (a tail).
 */
public final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;

    public TopicReader(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        this.consumer = consumer;
        this.topic = topic;
    }

    /** Passes every record from the beginning up to the current end to {@code sink}, then returns. */
    public void readSnapshot(Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<TopicPartition> partitions = assign();
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KafkaSession.TIMEOUT);
        long remaining = remaining(end);
        long deadline = System.nanoTime() + KafkaSession.TIMEOUT.toNanos();
        while (remaining > 0) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    sink.accept(record);
                }
            }
            long now = remaining(end);
            // Progress is measured on positions: transaction markers move them without records.
            if (now < remaining) {
                deadline = System.nanoTime() + KafkaSession.TIMEOUT.toNanos();
            } else if (System.nanoTime() > deadline) {
                throw CliException.failure("reading " + topic + " made no progress for " + KafkaSession.TIMEOUT.toSeconds() + " s");
            }
            remaining = now;
        }
    }

    /**
     * Passes records to {@code sink} as they arrive until {@code stop} answers true or the
     * consumer is woken up; starts at the beginning or at the current end.
     */
    public void tail(boolean fromBeginning, BooleanSupplier stop, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<TopicPartition> partitions = assign();
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            // Resolve the lazy seek now, so records written from here on are not skipped.
            partitions.forEach(consumer::position);
        }
        try {
            while (!stop.getAsBoolean()) {
                consumer.poll(POLL).forEach(sink);
            }
        } catch (WakeupException e) {
            // Someone asked us to stop (Ctrl-C): a normal end of a tail.
        }
    }

    private List<TopicPartition> assign() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, KafkaSession.TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw CliException.failure("topic " + topic + " not found: run 'mediahooks topics create'");
        }
        consumer.assign(partitions);
        return partitions;
    }

    private long remaining(Map<TopicPartition, Long> end) {
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> entry : end.entrySet()) {
            remaining += Math.max(0, entry.getValue() - consumer.position(entry.getKey(), KafkaSession.TIMEOUT));
        }
        return remaining;
    }
}
