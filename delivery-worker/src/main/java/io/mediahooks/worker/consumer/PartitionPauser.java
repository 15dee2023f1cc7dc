package io.mediahooks.worker.consumer;

import io.mediahooks.worker.flow.Backpressure;
import io.mediahooks.worker.flow.DueGate;
import io.mediahooks.worker.metrics.WorkerMetrics;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the consumer's paused set what it should be before each poll: the partitions held by the
 * due gate, plus every partition while backpressure is engaged. Waiting is done by pausing, never
 * by sleeping.
 */
final class PartitionPauser {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionPauser.class);

    private final Consumer<byte[], byte[]> consumer;
    private final DueGate dueGate;
    private final Backpressure backpressure;
    private final WorkerMetrics metrics;
    private boolean pressed;

    PartitionPauser(Consumer<byte[], byte[]> consumer, DueGate dueGate, Backpressure backpressure, WorkerMetrics metrics) {
        this.consumer = consumer;
        this.dueGate = dueGate;
        this.backpressure = backpressure;
        this.metrics = metrics;
    }

    void apply(Instant now, int held, long heldBytes) {
        Set<TopicPartition> assigned = consumer.assignment();
        Set<TopicPartition> wanted = new HashSet<>(dueGate.held(now));
        boolean engaged = backpressure.engaged(held, heldBytes);
        if (engaged != pressed) {
            pressed = engaged;
            LOG.debug(engaged ? "Holding {} deliveries ({} bytes), a limit: fetching paused"
                    : "Holding {} deliveries ({} bytes): fetching resumed", held, heldBytes);
        }
        if (engaged) {
            wanted.addAll(assigned);
        }
        wanted.retainAll(assigned);
        Set<TopicPartition> paused = consumer.paused();
        Set<TopicPartition> toPause = new HashSet<>(wanted);
        toPause.removeAll(paused);
        Set<TopicPartition> toResume = new HashSet<>(paused);
        toResume.removeAll(wanted);
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
        metrics.pausedPartitions(wanted.size());
    }
}
