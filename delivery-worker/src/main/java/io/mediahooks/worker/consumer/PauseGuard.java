package io.mediahooks.worker.consumer;

import io.mediahooks.worker.flow.DueGate;
import io.mediahooks.worker.offsets.OffsetTracker;
import io.mediahooks.worker.pipeline.DeliveryPipeline;
import io.mediahooks.worker.pipeline.OwnershipLease;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the {@link OwnershipLease} each time the poll thread runs. When it finds that the thread
 * had not run for longer than the lease's pause, the whole process was paused: its session may
 * have expired and its partitions moved, so what is not sent yet is handed back, the partitions are
 * read again from their committed offsets (as by their next owner if they did move; the consumer
 * learns of that at its next poll), and what the last poll returned is dropped. Poll thread only.
 */
final class PauseGuard {

    private static final Logger LOG = LoggerFactory.getLogger(PauseGuard.class);

    private final Consumer<byte[], byte[]> consumer;
    private final DeliveryPipeline pipeline;
    private final OffsetTracker tracker;
    private final DueGate dueGate;
    private final OwnershipLease lease;

    PauseGuard(Consumer<byte[], byte[]> consumer, DeliveryPipeline pipeline, OffsetTracker tracker, DueGate dueGate,
               OwnershipLease lease) {
        this.consumer = consumer;
        this.pipeline = pipeline;
        this.tracker = tracker;
        this.dueGate = dueGate;
        this.lease = lease;
    }

    /** Takes the lease as the loop starts. */
    void start() {
        lease.renew(System.nanoTime());
    }

    /** @return false when it found such a pause: the records of the last poll must not be taken */
    boolean vouch() {
        long now = System.nanoTime();
        if (lease.fresh(now)) {
            lease.renew(now);
            pipeline.resumeParked();
            return true;
        }
        Set<TopicPartition> partitions = consumer.assignment();
        LOG.warn("The worker was paused for {} ms: its {} partitions may have moved meanwhile; handing back what is not "
                + "sent and reading them again from their committed offsets", lease.idleFor(now).toMillis(), partitions.size());
        pipeline.distrust(partitions);
        tracker.forget(partitions);
        dueGate.forget(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
        lease.renew(System.nanoTime());
        pipeline.resumeParked();
        return false;
    }
}
