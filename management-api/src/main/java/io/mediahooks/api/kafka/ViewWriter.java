package io.mediahooks.api.kafka;

import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.views.ViewUpdates;
import io.mediahooks.model.kafka.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Writes records and returns once Kafka has acknowledged them and, for records the API reads back,
 * once this instance's view shows them: read-your-writes. Past the write timeout it answers 503,
 * and the caller may retry (writes are idempotent replacements).
 */
public final class ViewWriter implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final ViewUpdates updates;
    private final Duration timeout;

    public ViewWriter(Map<String, Object> clientConfig, ViewUpdates updates, Duration timeout) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.keySet().retainAll(ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "mediahooks-api-" + java.util.UUID.randomUUID());
        this.producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        this.updates = updates;
        this.timeout = timeout;
    }

    /** Writes and waits for the acknowledgement only (for topics the API does not read back). */
    public <K> void send(Topic<K, ?> topic, K key, byte[] value) {
        byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
        try {
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable("interrupted while writing to " + topic.name());
        } catch (ExecutionException e) {
            throw ApiProblem.unavailable("Kafka did not accept the write to " + topic.name() + ": " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw ApiProblem.unavailable("Kafka did not acknowledge the write to " + topic.name() + " within " + timeout.toMillis()
                    + " ms");
        }
    }

    /** Writes, then waits until {@code visible} holds on this instance's view. */
    public <K> void write(Topic<K, ?> topic, K key, byte[] value, BooleanSupplier visible) {
        send(topic, key, value);
        try {
            if (!updates.await(visible, timeout)) {
                throw ApiProblem.unavailable("the write to " + topic.name() + " was acknowledged but this instance's view did not"
                        + " show it within " + timeout.toMillis() + " ms; it will apply, retry the read");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiProblem.unavailable("interrupted while waiting for the view");
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
