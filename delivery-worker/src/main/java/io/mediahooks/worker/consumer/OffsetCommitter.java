package io.mediahooks.worker.consumer;

import io.mediahooks.worker.offsets.OffsetTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits what the tracker says is complete: now and then asynchronously while delivering (a
 * failed commit is offered again next time), synchronously when partitions are handed back.
 * Runs on the poll thread, as the consumer requires.
 */
final class OffsetCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommitter.class);

    private final Consumer<byte[], byte[]> consumer;
    private final OffsetTracker tracker;
    private final Clock clock;
    private final Duration interval;
    private Instant lastCommit = Instant.MIN;

    OffsetCommitter(Consumer<byte[], byte[]> consumer, OffsetTracker tracker, Clock clock, Duration interval) {
        this.consumer = consumer;
        this.tracker = tracker;
        this.clock = clock;
        this.interval = interval;
    }

    /** Commits the moved commit points if the interval has passed since the last commit. */
    void commitIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastCommit, now).compareTo(interval) < 0) {
            return;
        }
        lastCommit = now;
        Map<TopicPartition, Long> points = tracker.uncommitted();
        if (points.isEmpty()) {
            return;
        }
        tracker.markCommitted(points);
        consumer.commitAsync(offsets(points), (offsets, error) -> {
            if (error != null) {
                // Typically a rebalance in progress; the next turn offers these points again.
                LOG.debug("Committing offsets failed, will retry: {}", error.toString());
                tracker.markUncommitted(points);
            }
        });
    }

    /**
     * Commits the complete prefix of {@code partitions} and waits for it.
     *
     * @return false when a rebalance is in progress: poll, then try again; true when committed, or
     *         when it failed for good (logged: the next owner will redo what was not committed)
     */
    boolean commitNow(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> points = tracker.commitPoints(partitions);
        if (points.isEmpty()) {
            return true;
        }
        try {
            consumer.commitSync(offsets(points));
            tracker.markCommitted(points);
            return true;
        } catch (RebalanceInProgressException e) {
            return false;
        } catch (KafkaException e) {
            LOG.warn("Committing {} failed; their uncommitted deliveries will be sent again: {}", points.keySet(),
                    e.toString());
            return true;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(Map<TopicPartition, Long> points) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        points.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        return offsets;
    }
}
