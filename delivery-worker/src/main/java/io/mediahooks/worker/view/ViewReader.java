package io.mediahooks.worker.view;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.worker.metrics.WorkerMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link WebhookDirectory} current: reads every partition of the subscriptions, secrets
 * and operational-events topics from the beginning (assigned, no group: every worker needs all of it), reports
 * loaded once it reached the end, then follows new records. Each round notes the time it started
 * and, once caught up with the end offsets read then, tells {@link ViewFreshness} so.
 * Invalid records are skipped with a logged reason; the previous version stays in force.
 */
public final class ViewReader implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ViewReader.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(10);

    private final Consumer<byte[], byte[]> consumer;
    private final Topic<SubscriptionId, Subscription> subscriptions;
    private final Topic<OrganizationId, OrganizationSecrets> secrets;
    private final Topic<SubscriptionId, OperationalEvent> operationalEvents;
    private final WebhookDirectory directory;
    private final ViewFreshness freshness;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile boolean running = true;

    public ViewReader(Consumer<byte[], byte[]> consumer, Topic<SubscriptionId, Subscription> subscriptions,
                      Topic<OrganizationId, OrganizationSecrets> secrets,
                      Topic<SubscriptionId, OperationalEvent> operationalEvents, WebhookDirectory directory,
                      ViewFreshness freshness, WorkerMetrics metrics, Clock clock) {
        this.consumer = consumer;
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.operationalEvents = operationalEvents;
        this.directory = directory;
        this.freshness = freshness;
        this.metrics = metrics;
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
            consumer.poll(POLL).forEach(this::apply);
            return;
        }
        do {
            consumer.poll(POLL).forEach(this::apply);
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
        for (String topic : List.of(subscriptions.name(), secrets.name(), operationalEvents.name())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(subscriptions.name())) {
                applySubscription(record);
            } else if (record.topic().equals(operationalEvents.name())) {
                applyOperationalEvent(record);
            } else {
                applySecrets(record);
            }
        } catch (SerializationException | IllegalArgumentException e) {
            // InvalidRecordException is a SerializationException; record constructors throw IllegalArgumentException.
            metrics.invalidViewRecord(record.topic());
            LOG.warn("Skipped invalid record {}-{}@{}, the previous version stays: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void applySubscription(ConsumerRecord<byte[], byte[]> record) {
        SubscriptionId id = key(subscriptions, record);
        if (record.value() == null) {
            directory.removeSubscription(id);
            LOG.info("Webhook {} deleted", id);
            return;
        }
        Subscription subscription = subscriptions.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (!subscription.id().equals(id)) {
            throw new InvalidRecordException("id", "is " + subscription.id() + " but the record key is " + id);
        }
        directory.putSubscription(subscription, record.offset());
        LOG.debug("Webhook {} now {} ({})", id, subscription.url(), subscription.enabled() ? "enabled" : "disabled");
    }

    private void applyOperationalEvent(ConsumerRecord<byte[], byte[]> record) {
        SubscriptionId id = key(operationalEvents, record);
        if (record.value() == null) {
            directory.removeHealth(id);
            return;
        }
        OperationalEvent event = operationalEvents.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (!event.subscriptionId().equals(id)) {
            throw new InvalidRecordException("subscription_id", "is " + event.subscriptionId() + " but the record key is " + id);
        }
        directory.putHealth(event);
        LOG.debug("Webhook {}: {} ({})", id, event.type().wireName(), event.reason());
    }

    private void applySecrets(ConsumerRecord<byte[], byte[]> record) {
        OrganizationId organization = key(secrets, record);
        if (record.value() == null) {
            directory.removeSecrets(organization);
            LOG.info("Secrets of organization {} removed", organization);
            return;
        }
        OrganizationSecrets value = secrets.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (!value.organizationId().equals(organization)) {
            throw new InvalidRecordException("organization_id", "is " + value.organizationId()
                    + " but the record key is " + organization);
        }
        directory.putSecrets(value);
        LOG.debug("Secrets of organization {} updated: {} secrets", organization, value.secrets().size());
    }

    private static <K> K key(Topic<K, ?> topic, ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            throw new InvalidRecordException("key", "missing");
        }
        return topic.keySerde().deserializer().deserialize(record.topic(), record.key());
    }
}
