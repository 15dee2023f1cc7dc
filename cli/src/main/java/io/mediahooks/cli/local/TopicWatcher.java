package io.mediahooks.cli.local;

import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows, from now on, the attempt log (for the summary line) and the demo organization's
 * secrets (so the receiver keeps verifying after a {@code mediahooks secret rotate}), on one
 * consumer thread.
 */
final class TopicWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicWatcher.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topics topics;
    private final byte[] organizationKey;
    private final ProgressCounts counts = new ProgressCounts();
    private final Consumer<OrganizationSecrets> onSecrets;
    private final Topic<OrganizationId, OrganizationSecrets> secrets;
    private final Thread thread;
    private volatile boolean stopped;

    private TopicWatcher(KafkaSession kafka, SecretsAtRest atRest, OrganizationId organization,
                         Consumer<OrganizationSecrets> onSecrets) {
        this.consumer = kafka.newReader();
        this.topics = kafka.topics();
        this.secrets = topics.secrets(atRest);
        this.organizationKey = Topics.ORGANIZATION_ID.serializer().serialize("", organization);
        this.onSecrets = onSecrets;
        this.thread = new Thread(this::run, "local-topic-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts following both topics from their current ends. */
    static TopicWatcher start(KafkaSession kafka, SecretsAtRest atRest, OrganizationId organization,
                              Consumer<OrganizationSecrets> onSecrets) {
        TopicWatcher watcher = new TopicWatcher(kafka, atRest, organization, onSecrets);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(watcher.topics.attempts().name(), watcher.secrets.name())) {
            watcher.consumer.partitionsFor(topic, KafkaSession.TIMEOUT)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        watcher.consumer.assign(partitions);
        watcher.consumer.seekToEnd(partitions);
        // Resolve the seeks now: whatever happens after start() must be seen.
        partitions.forEach(watcher.consumer::position);
        watcher.thread.start();
        return watcher;
    }

    /** The summary of the attempts seen so far. */
    String summary() {
        synchronized (counts) {
            return counts.summary();
        }
    }

    private void run() {
        try {
            while (!stopped) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.warn("Stopped following the attempt log: {}", e.toString());
            }
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(topics.attempts().name())) {
                Attempt attempt = Topics.ATTEMPT.deserializer().deserialize(record.topic(), record.value());
                if (attempt != null) {
                    synchronized (counts) {
                        counts.record(attempt);
                    }
                }
            } else if (Arrays.equals(record.key(), organizationKey) && record.value() != null) {
                onSecrets.accept(secrets.valueSerde().deserializer().deserialize(record.topic(), record.value()));
            }
        } catch (InvalidRecordException e) {
            LOG.warn("Skipped an invalid record on {} at offset {}: {}", record.topic(), record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(Duration.ofSeconds(3).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
