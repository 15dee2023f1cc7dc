package io.mediahooks.worker.consumer;

import io.mediahooks.worker.flow.FetchBrake;
import io.mediahooks.worker.flow.DueGate;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.offsets.OffsetTracker;
import io.mediahooks.worker.pipeline.DeliveryPipeline;
import io.mediahooks.worker.pipeline.OwnershipLease;
import io.mediahooks.worker.pipeline.Settlement;
import io.mediahooks.worker.pipeline.Settlements;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll thread: the only user of the consumer and the offset tracker. Each turn it sets which
 * partitions are paused, polls, hands records to the pipeline, takes in what the pipeline
 * settled, and commits the complete prefix of each partition now and then. It never sleeps and
 * never waits on HTTP; only handing partitions back (revocation, shutdown) waits, bounded, for
 * deliveries in flight to finish.
 */
public final class DeliveryLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    private static final Duration BUSY_POLL = Duration.ofMillis(20);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration HANDBACK_STEP = Duration.ofMillis(100);
    private static final Duration FINAL_COMMIT_GRACE = Duration.ofSeconds(5);
    private static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);

    private final Consumer<byte[], byte[]> consumer;
    private final Pattern topics;
    private final DeliveryPipeline pipeline;
    private final Settlements settlements;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Duration handbackTimeout;
    private final OffsetTracker tracker = new OffsetTracker();
    private final DueGate dueGate = new DueGate();
    private final RecordIntake intake;
    private final PartitionPauser pauser;
    private final OffsetCommitter committer;
    private final PauseGuard pauseGuard;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile boolean polling;
    private volatile int assigned;
    private volatile Throwable failure;
    private boolean drained;
    private long lastSweep = System.nanoTime();

    public DeliveryLoop(Consumer<byte[], byte[]> consumer, Pattern topics, String firstAttempts, DeliveryPipeline pipeline,
                        Settlements settlements, WorkerMetrics metrics, Clock clock, int maxHeld, long maxHeldBytes,
                        Duration commitInterval, Duration handbackTimeout, OwnershipLease lease) {
        this.consumer = consumer;
        this.topics = topics;
        this.pipeline = pipeline;
        this.settlements = settlements;
        this.metrics = metrics;
        this.clock = clock;
        this.handbackTimeout = handbackTimeout;
        this.intake = new RecordIntake(consumer, tracker, dueGate, pipeline, metrics);
        this.pauser = new PartitionPauser(consumer, tracker, dueGate, new FetchBrake(maxHeld, maxHeldBytes), firstAttempts, metrics);
        this.committer = new OffsetCommitter(consumer, tracker, clock, commitInterval);
        this.pauseGuard = new PauseGuard(consumer, pipeline, tracker, dueGate, lease);
    }

    /** True while the loop is in its polling phase (it joined the group and takes records). */
    public boolean isPolling() {
        return polling;
    }

    public int assignedPartitions() {
        return assigned;
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Asks the loop to finish in-flight work, commit and leave the group; returns at once. */
    public void stop() {
        stopRequested = true;
    }

    /** Waits for the loop to end; false on timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Ends a loop that will never run (the worker stopped before delivering): closes the consumer. */
    public void abandon() {
        consumer.close();
        finished.countDown();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, new Handoff());
            polling = true;
            pauseGuard.start();
            while (!stopRequested && failure == null) {
                pauser.apply(clock.instant());
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
                if (pauseGuard.vouch()) {
                    intake.accept(records, clock.instant());
                }
                sweepIfDue();
                settle(Duration.ZERO);
                committer.commitIfDue();
            }
            polling = false;
            drain();
        } catch (WakeupException e) {
            LOG.debug("Poll loop woken up to stop");
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("The poll loop failed; handing back what is not complete", e);
        } finally {
            polling = false;
            // Leaving the group revokes what is still assigned: the handoff commits its complete prefix.
            consumer.close();
            finished.countDown();
            LOG.info("Poll loop stopped{}", failure == null ? "" : " after a failure: " + failure);
        }
    }

    /**
     * Stopping: unsent deliveries are handed back, and the loop keeps polling with every partition
     * paused (so membership, rebalances and commits go on) while those in flight finish, up to the
     * handback timeout; then the complete prefix is committed.
     */
    private void drain() {
        pipeline.disown(consumer.assignment());
        long deadline = System.nanoTime() + handbackTimeout.toNanos();
        while (tracker.pending() > 0 && failure == null && System.nanoTime() < deadline) {
            pollPaused();
        }
        if (tracker.pending() > 0) {
            LOG.warn("Stopping with {} deliveries still in flight after {}; the next owner may send them again",
                    tracker.pending(), handbackTimeout);
        }
        long commitDeadline = Math.max(deadline, System.nanoTime()) + FINAL_COMMIT_GRACE.toNanos();
        while (!committer.commitNow(consumer.assignment()) && System.nanoTime() < commitDeadline) {
            // A rebalance is under way: let it finish, then commit.
            pollPaused();
        }
        // What is left in flight stays uncommitted; leaving the group must not wait for it a second time.
        drained = true;
    }

    /** One poll that takes no records (those of newly assigned partitions are left for their next owner). */
    private void pollPaused() {
        consumer.pause(consumer.assignment());
        consumer.poll(BUSY_POLL);
        pauseGuard.vouch();
        settle(Duration.ZERO);
    }

    private void sweepIfDue() {
        long now = System.nanoTime();
        if (now - lastSweep >= SWEEP_INTERVAL.toNanos()) {
            lastSweep = now;
            pipeline.sweep();
        }
    }

    private Duration pollTimeout() {
        if (tracker.pending() > 0) {
            return BUSY_POLL;
        }
        return dueGate.nextDue()
                .map(due -> Duration.between(clock.instant(), due))
                .filter(untilDue -> untilDue.compareTo(IDLE_POLL) < 0)
                .map(untilDue -> untilDue.isNegative() ? Duration.ZERO : untilDue)
                .orElse(IDLE_POLL);
    }

    /** Takes in what the pipeline settled, waiting up to {@code wait} for the first. */
    private void settle(Duration wait) {
        List<Settlement> settled;
        try {
            settled = settlements.take(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
            return;
        }
        for (Settlement settlement : settled) {
            if (settlement instanceof Settlement.Completed) {
                tracker.completed(settlement.partition(), settlement.offset());
            } else if (settlement instanceof Settlement.HandedBack) {
                tracker.handedBack(settlement.partition(), settlement.offset());
            } else if (failure == null) {
                failure = ((Settlement.Failed) settlement).cause();
                LOG.error("Could not publish the outcome of {}-{}@{}; stopping without committing it",
                        settlement.partition().topic(), settlement.partition().partition(), settlement.offset(), failure);
            }
        }
        metrics.held(tracker.pending());
    }

    /**
     * Gives partitions back: their unstarted deliveries are handed back, those in flight get up to
     * the handback timeout to finish, then the complete prefix is committed and their state dropped.
     */
    private void handBack(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        pipeline.disown(partitions);
        long deadline = System.nanoTime() + (drained ? 0 : handbackTimeout.toNanos());
        settle(Duration.ZERO);
        while (tracker.pending(partitions) > 0 && failure == null && !Thread.currentThread().isInterrupted()) {
            pauseGuard.vouch();
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                if (!drained) {
                    LOG.warn("Handing back {} deliveries still in flight after {}; the next owner may send them again",
                            tracker.pending(partitions), handbackTimeout);
                }
                break;
            }
            settle(Duration.ofNanos(Math.min(remaining, HANDBACK_STEP.toNanos())));
        }
        if (!committer.commitNow(partitions)) {
            LOG.warn("Could not commit {} as they were handed back (a rebalance is in progress); their uncommitted "
                    + "deliveries will be sent again", partitions);
        }
        tracker.forget(partitions);
        dueGate.forget(partitions);
        metrics.held(tracker.pending());
    }

    /** Rebalance callbacks; they run on the poll thread, inside {@code poll}. */
    private final class Handoff implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            pipeline.own(partitions);
            assigned = consumer.assignment().size();
            if (!partitions.isEmpty()) {
                LOG.info("Assigned {} partitions (now {}): {}", partitions.size(), assigned, partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.info("Handing back {} revoked partitions: {}", partitions.size(), partitions);
                handBack(partitions);
            }
            assigned = Math.max(0, consumer.assignment().size() - partitions.size());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Someone else may own them already: committing now could move their offsets backwards.
            LOG.warn("Lost {} partitions without a clean handback: {}", partitions.size(), partitions);
            pipeline.disown(partitions);
            tracker.forget(partitions);
            dueGate.forget(partitions);
            assigned = Math.max(0, consumer.assignment().size() - partitions.size());
        }
    }
}
