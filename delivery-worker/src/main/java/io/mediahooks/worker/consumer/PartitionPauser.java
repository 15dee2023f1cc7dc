package io.mediahooks.worker.consumer;

import io.mediahooks.worker.flow.DueGate;
import io.mediahooks.worker.flow.FetchBrake;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.offsets.OffsetTracker;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the consumer's paused set what it should be before each poll: the partitions held by the
 * due gate, plus the retry topics' partitions while retries hold their share of the budget, plus
 * every partition while the whole budget is held ({@link FetchBrake}). Waiting is done by
 * pausing, never by sleeping.
 */
final class PartitionPauser {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionPauser.class);

    private final Consumer<byte[], byte[]> consumer;
    private final OffsetTracker tracker;
    private final DueGate dueGate;
    private final FetchBrake brake;
    private final String firstAttempts;
    private final WorkerMetrics metrics;
    private FetchBrake.Stop stopped = FetchBrake.Stop.NOTHING;

    /** @param firstAttempts the deliveries topic; every other topic consumed is a retry topic */
    PartitionPauser(Consumer<byte[], byte[]> consumer, OffsetTracker tracker, DueGate dueGate, FetchBrake brake,
                    String firstAttempts, WorkerMetrics metrics) {
        this.consumer = consumer;
        this.tracker = tracker;
        this.dueGate = dueGate;
        this.brake = brake;
        this.firstAttempts = firstAttempts;
        this.metrics = metrics;
    }

    void apply(Instant now) {
        Set<TopicPartition> assigned = consumer.assignment();
        List<TopicPartition> retries = assigned.stream().filter(partition -> !partition.topic().equals(firstAttempts)).toList();
        int held = tracker.pending();
        long heldBytes = tracker.pendingBytes();
        int retriesHeld = tracker.pending(retries);
        FetchBrake.Stop stop = brake.update(held, heldBytes, retriesHeld);
        if (stop != stopped) {
            stopped = stop;
            LOG.debug("Holding {} deliveries ({} bytes), {} of them retries: {}", held, heldBytes, retriesHeld,
                    switch (stop) {
                        case EVERYTHING -> "a limit, fetching paused";
                        case RETRIES -> "retries at their share, retry topics paused";
                        case NOTHING -> "fetching resumed";
                    });
        }
        Set<TopicPartition> wanted = new HashSet<>(dueGate.held(now));
        switch (stop) {
            case EVERYTHING -> wanted.addAll(assigned);
            case RETRIES -> wanted.addAll(retries);
            case NOTHING -> { }
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
