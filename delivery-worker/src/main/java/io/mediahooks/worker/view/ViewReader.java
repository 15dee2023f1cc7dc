package io.mediahooks.worker.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link WebhookDirectory} current: reads every partition of the subscriptions, secrets
 * and operational-events topics from the beginning (assigned, no group: every worker needs all of it), reports
 * loaded once it reached the end, then follows new records. Each round notes the time it started
 * and, once caught up with the end offsets read then, tells {@link ViewFreshness} so.
 * {@link ViewUpdater} applies each record: invalid ones are skipped with a logged reason, counted, and the
 * previous version stays in force.
 */
public final class ViewReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewReader.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<byte[], byte[]> consumer;
    private final ViewUpdater updater;
    private final WebhookDirectory directory;
    private final ViewFreshness freshness;
    private final Clock clock;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile boolean running = true;

    /** @param updater applies each record to {@code directory} */
    public ViewReader(Consumer<byte[], byte[]> consumer, ViewUpdater updater, WebhookDirectory directory, ViewFreshness freshness,
                      Clock clock) {
        this.consumer = consumer;
        this.updater = updater;
        this.directory = directory;
        this.freshness = freshness;
        this.clock = clock;
    }

    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    /** Waits until the view read everything there was at start-up; false on timeout. */
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the reader; safe from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                catchUp(partitions);
                if (!isLoaded()) {
                    loaded.countDown();
                    LOG.info("Webhook view loaded in {} ms: {} webhooks, {} organizations with secrets",
                            (System.nanoTime() - started) / 1_000_000, directory.subscriptionCount(),
                            directory.organizationCount());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    /** One round: read at least one poll, and on until the end offsets seen at the round's start. */
    private void catchUp(List<TopicPartition> partitions) {
        Instant roundStarted = clock.instant();
        Map<TopicPartition, Long> ends;
        try {
            ends = consumer.endOffsets(partitions, END_OFFSETS_TIMEOUT);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Could not read the end offsets of the webhook view; retrying: {}", e.toString());
            consumer.poll(POLL).forEach(updater::apply);
            return;
        }
        do {
            consumer.poll(POLL).forEach(updater::apply);
        } while (running && behind(ends));
        freshness.caughtUpTo(roundStarted);
    }

    private boolean behind(Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return true;
            }
        }
        return false;
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : updater.topics()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }
}
