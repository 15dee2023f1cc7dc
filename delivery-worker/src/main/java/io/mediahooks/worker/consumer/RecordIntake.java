package io.mediahooks.worker.consumer;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.worker.flow.DueGate;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.offsets.OffsetTracker;
import io.mediahooks.worker.pipeline.DeliveryPipeline;
import io.mediahooks.worker.pipeline.PendingDelivery;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one poll's records on the poll thread: decodes each, and either hands it to the pipeline
 * (tracking its offset) or, when it is a retry not due yet, seeks its partition back to it and
 * holds the partition until then. Records behind a held head wait with it. A record that breaks
 * the contract is skipped (logged and counted) and counts as complete.
 */
final class RecordIntake {

    private static final Logger LOG = LoggerFactory.getLogger(RecordIntake.class);

    private final Consumer<byte[], byte[]> consumer;
    private final OffsetTracker tracker;
    private final DueGate dueGate;
    private final DeliveryPipeline pipeline;
    private final WorkerMetrics metrics;

    RecordIntake(Consumer<byte[], byte[]> consumer, OffsetTracker tracker, DueGate dueGate, DeliveryPipeline pipeline,
                 WorkerMetrics metrics) {
        this.consumer = consumer;
        this.tracker = tracker;
        this.dueGate = dueGate;
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    void accept(ConsumerRecords<byte[], byte[]> records, Instant now) {
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (!take(partition, record, now)) {
                    break;
                }
            }
        }
    }

    /** False when the partition is now held: the rest of its records must not be taken. */
    private boolean take(TopicPartition partition, ConsumerRecord<byte[], byte[]> record, Instant now) {
        Optional<Delivery> decoded = decode(record);
        if (decoded.isEmpty()) {
            tracker.dispatched(partition, record.offset());
            tracker.completed(partition, record.offset());
            return true;
        }
        Delivery delivery = decoded.get();
        Optional<Instant> notYet = delivery.notBefore().filter(now::isBefore);
        if (notYet.isPresent()) {
            consumer.seek(partition, record.offset());
            dueGate.hold(partition, notYet.get());
            LOG.debug("{} held until {}: its head {} is not due", partition, notYet.get(), delivery.deliveryId());
            return false;
        }
        tracker.dispatched(partition, record.offset(), Math.max(0, record.serializedValueSize()));
        pipeline.submit(new PendingDelivery(partition, record.offset(), delivery));
        return true;
    }

    private Optional<Delivery> decode(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return skip(record, "a tombstone on a delivery topic");
        }
        try {
            return Optional.of(Topics.DELIVERY.deserializer().deserialize(record.topic(), record.value()));
        } catch (SerializationException | IllegalArgumentException e) {
            return skip(record, e.getMessage());
        }
    }

    private Optional<Delivery> skip(ConsumerRecord<byte[], byte[]> record, String reason) {
        metrics.invalidDelivery(record.topic());
        LOG.warn("Skipped invalid delivery record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        return Optional.empty();
    }
}
