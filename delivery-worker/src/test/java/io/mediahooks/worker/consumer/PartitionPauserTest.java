package io.mediahooks.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.worker.flow.DueGate;
import io.mediahooks.worker.flow.FetchBrake;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.offsets.OffsetTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The paused set the pauser gives the consumer. Kafka's own in-memory consumer stands in for a
 * broker here: the pauser only reads the assignment and pauses and resumes, which it keeps exactly.
 */
class PartitionPauserTest {

    private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");
    private static final TopicPartition FIRST = new TopicPartition("webhook-deliveries", 0);
    private static final TopicPartition RETRY_5S = new TopicPartition("webhook-retry-5s", 0);
    private static final TopicPartition RETRY_1M = new TopicPartition("webhook-retry-1m", 0);
    /** A retry topic of an earlier schedule, still consumed by pattern. */
    private static final TopicPartition RETRY_OLD = new TopicPartition("webhook-retry-10s", 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final OffsetTracker tracker = new OffsetTracker();
    private final DueGate dueGate = new DueGate();
    private final PartitionPauser pauser = new PartitionPauser(consumer, tracker, dueGate, new FetchBrake(8, Long.MAX_VALUE),
            FIRST.topic(), new WorkerMetrics(new SimpleMeterRegistry()));

    PartitionPauserTest() {
        consumer.assign(List.of(FIRST, RETRY_5S, RETRY_1M, RETRY_OLD));
    }

    @Test
    void retriesAtTheirShareStopOnlyTheRetryTopics() {
        hold(RETRY_5S, 0, 2);

        pauser.apply(NOW);

        assertThat(consumer.paused()).as("2 is a quarter of 8").containsExactlyInAnyOrder(RETRY_5S, RETRY_1M, RETRY_OLD);
    }

    @Test
    void firstAttemptsPauseNothingBeforeTheWholeBudgetAndEverythingAtIt() {
        hold(FIRST, 0, 7);

        pauser.apply(NOW);
        assertThat(consumer.paused()).isEmpty();

        hold(FIRST, 7, 1);
        pauser.apply(NOW);
        assertThat(consumer.paused()).containsExactlyInAnyOrder(FIRST, RETRY_5S, RETRY_1M, RETRY_OLD);
    }

    @Test
    void fromTheWholeBudgetBackToTheRetryShareResumesOnlyTheDeliveriesTopic() {
        hold(FIRST, 0, 6);
        hold(RETRY_1M, 0, 2);
        pauser.apply(NOW);
        assertThat(consumer.paused()).hasSize(4);

        settle(FIRST, 0, 6);
        pauser.apply(NOW);

        assertThat(consumer.paused()).containsExactlyInAnyOrder(RETRY_5S, RETRY_1M, RETRY_OLD);
    }

    @Test
    void aRetryNotDueStaysPausedWhateverTheBrakeSays() {
        dueGate.hold(RETRY_1M, NOW.plusSeconds(30));

        pauser.apply(NOW);
        assertThat(consumer.paused()).containsExactly(RETRY_1M);

        hold(RETRY_5S, 0, 2);
        pauser.apply(NOW);
        settle(RETRY_5S, 0, 2);
        pauser.apply(NOW);

        assertThat(consumer.paused()).as("the share let go, the hold stays").containsExactly(RETRY_1M);
        pauser.apply(NOW.plusSeconds(30));
        assertThat(consumer.paused()).isEmpty();
    }

    @Test
    void aRevokedPartitionIsNeitherPausedNorCounted() {
        hold(RETRY_5S, 0, 2);
        tracker.forget(Set.of(RETRY_5S));
        consumer.assign(List.of(FIRST, RETRY_1M));

        pauser.apply(NOW);

        assertThat(consumer.paused()).isEmpty();
    }

    private void hold(TopicPartition partition, long from, int count) {
        for (long offset = from; offset < from + count; offset++) {
            tracker.dispatched(partition, offset);
        }
    }

    private void settle(TopicPartition partition, long from, int count) {
        for (long offset = from; offset < from + count; offset++) {
            tracker.completed(partition, offset);
        }
    }
}
