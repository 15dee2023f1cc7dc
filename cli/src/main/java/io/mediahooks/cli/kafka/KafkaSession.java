package io.mediahooks.cli.kafka;

import io.mediahooks.cli.CliException;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.runtime.CommonConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka clients of one command, created on first use from {@link CommonConfig} and closed
 * together. Every wait is bounded, so an unreachable cluster gives an error naming it rather
 * than a hang.
 */
public final class KafkaSession implements AutoCloseable {

    /** How long a command waits for Kafka before saying it is unreachable. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final CommonConfig config;
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;

    public KafkaSession(CommonConfig config) {
        this.config = config;
    }

    public CommonConfig config() {
        return config;
    }

    public Topics topics() {
        return config.topics();
    }

    public synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = config.kafkaClientConfig();
            settings.putIfAbsent("default.api.timeout.ms", (int) TIMEOUT.toMillis());
            settings.putIfAbsent("request.timeout.ms", (int) TIMEOUT.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    /**
     * Fails with a clear message unless every named topic exists: nothing here relies on broker
     * auto-creation, and a missing topic means the services never ran against this cluster.
     */
    public void requireTopics(String... names) {
        Set<String> existing = await(admin().listTopics().names(), "list the topics");
        List<String> missing = Arrays.stream(names).filter(name -> !existing.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw CliException.failure("topic" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " not found at " + config.bootstrapServers()
                    + ": run 'mediahooks topics create' (or start the services once, they create their topics)");
        }
    }

    /** Serializes with the topic's serdes, sends, and waits until Kafka acknowledged the record. */
    public <K, V> RecordMetadata send(Topic<K, V> topic, K key, V value) {
        return await(sendAsync(topic, key, value), "write to " + topic.name());
    }

    /** Serializes with the topic's serdes and sends; pass the result to {@link #await} (a null value is a tombstone). */
    public <K, V> Future<RecordMetadata> sendAsync(Topic<K, V> topic, K key, V value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        byte[] valueBytes = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        return producer().send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes));
    }

    /** Waits until every record sent so far is acknowledged. */
    public void flush() {
        if (producer != null) {
            producer.flush();
        }
    }

    /** A new consumer without a group: it reads by assignment and commits nothing. The caller closes it. */
    public KafkaConsumer<byte[], byte[]> newReader() {
        Map<String, Object> settings = config.kafkaClientConfig();
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // The services write transactionally; aborted records must not be shown or replayed.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return new KafkaConsumer<>(settings);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = config.kafkaClientConfig();
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            settings.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
            settings.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TIMEOUT.toMillis());
            settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
            settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() * 2);
            settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    /** Waits for {@code future} at most {@link #TIMEOUT} (plus the producer's own delivery timeout). */
    public <T> T await(Future<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failure("interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            throw unreachableOr(e.getCause(), what);
        } catch (TimeoutException e) {
            throw unreachable(what, e);
        }
    }

    /** A refused TLS handshake, login or ACL becomes a {@link io.mediahooks.runtime.ConfigException} naming the settings (exit 2). */
    private RuntimeException unreachableOr(Throwable cause, String what) {
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return unreachable(what, cause);
        }
        return config.accessErrors().explain(cause).<RuntimeException>map(refused -> refused).orElseGet(() ->
                CliException.failure("could not " + what + " at " + config.bootstrapServers() + ": " + cause.getMessage(), cause));
    }

    private CliException unreachable(String what, Throwable cause) {
        return CliException.failure("could not " + what + ": Kafka did not answer within " + TIMEOUT.toSeconds() + " s ("
                + config.accessErrors().unreachableHint() + ")", cause);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
