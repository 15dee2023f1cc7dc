package io.mediahooks.worker.pipeline;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Writes what follows an attempt: the attempt log record, and the delivery to a retry topic or
 * the dead letters. Each future completes when Kafka acknowledged the record (idempotent producer,
 * acks=all), which is what lets the consumed record count as complete.
 */
public final class OutcomePublisher {

    private final Producer<byte[], byte[]> producer;
    private final Topics topics;

    public OutcomePublisher(Producer<byte[], byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public CompletableFuture<Void> attempt(Attempt attempt) {
        return send(topics.attempts(), attempt.subscriptionId(), attempt);
    }

    public CompletableFuture<Void> retry(Duration topicDelay, Delivery delivery) {
        return send(topics.retry(topicDelay), delivery.subscriptionId(), delivery);
    }

    public CompletableFuture<Void> deadLetter(Delivery delivery) {
        return send(topics.deadLetters(), delivery.subscriptionId(), delivery);
    }

    /** An operational event of a webhook, keyed by its id on the compacted operational-events topic. */
    public CompletableFuture<Void> operational(OperationalEvent event) {
        return send(topics.operationalEvents(), event.subscriptionId(), event);
    }

    private <K, V> CompletableFuture<Void> send(Topic<K, V> topic, K key, V value) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            byte[] keyBytes = topic.keySerde().serializer().serialize(topic.name(), key);
            byte[] valueBytes = topic.valueSerde().serializer().serialize(topic.name(), value);
            producer.send(new ProducerRecord<>(topic.name(), keyBytes, valueBytes), (metadata, error) -> {
                if (error == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            // Thrown by send itself when the producer is closed or fenced, or a value cannot be serialized.
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }
}
