package io.mediahooks.reliability.ssrf;

import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka side of the ssrf scenario: webhook records written past the API, the one event that
 * fans out to every webhook, and what the workers recorded: attempts (with their errors) and dead letters.
 */
final class SsrfRun implements AutoCloseable {

    private final KafkaSide kafka;
    private final String organization;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> outcomes;
    private final Map<String, List<Attempt>> attempts = new HashMap<>();
    private final Set<String> finished = new HashSet<>();

    SsrfRun(KafkaSide kafka, String organization) {
        this.kafka = kafka;
        this.organization = organization;
        this.producer = new KafkaProducer<>(KafkaSide.producerConfig(kafka.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.outcomes = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(kafka.topics().names().attempts(), kafka.topics().names().deadLetters())) {
            IntStream.range(0, KafkaSide.PARTITIONS).forEach(partition -> partitions.add(new TopicPartition(topic, partition)));
        }
        outcomes.assign(partitions);
        outcomes.seekToBeginning(partitions);
    }

    /** A webhook record for every event to {@code url}, written as any producer could, the URL as given. */
    void putSubscription(String id, String url) {
        var node = Json.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("organization_id", organization);
        node.put("url", url);
        node.putArray("events").add("ALL");
        node.put("enabled", true);
        send(kafka.topics().names().subscriptions(), id, Json.write(node));
    }

    /** Waits until the router and the worker logged the rejection of the records they must reject: their views have read them. */
    void awaitViews(ServiceProcess router, ServiceProcess worker, long rejections, Instant deadline) {
        String workerLine = "Skipped invalid record " + kafka.topics().names().subscriptions() + "-";
        while (Instant.now().isBefore(deadline) && (lines(router, "Rejected Subscription record") < rejections
                || lines(worker, workerLine) < rejections)) {
            outcomes.poll(Duration.ofMillis(200)).forEach(this::take);
        }
    }

    private static long lines(ServiceProcess service, String fragment) {
        return service.process().log().lines().filter(line -> line.contains(fragment)).count();
    }

    /** One event of the organization: the router fans it out to every webhook it applied. */
    EventId publishEvent() {
        EventId id = new EventId("evt_ssrf_" + System.currentTimeMillis());
        MediaEvent event = new MediaEvent(id, EventType.VIDEO_READY, RfcTimestamp.of(Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                new OrganizationId(organization), MediaEventCodec.payload("vid_ssrf", "ssrf", List.of()), List.of());
        send(kafka.topics().names().mediaEvents(), organization, MediaEventCodec.INSTANCE.encode(event));
        return id;
    }

    /** Reads attempts and dead letters until each of {@code deliveries} is delivered or dead-lettered, or {@code deadline}. */
    void awaitFinal(Collection<String> deliveries, Instant deadline) {
        while (!finished.containsAll(deliveries) && Instant.now().isBefore(deadline)) {
            outcomes.poll(Duration.ofMillis(500)).forEach(this::take);
        }
    }

    private void take(ConsumerRecord<byte[], byte[]> record) {
        if (record.topic().equals(kafka.topics().names().deadLetters())) {
            finished.add(Topics.DELIVERY.deserializer().deserialize(record.topic(), record.value()).deliveryId().value());
            return;
        }
        Attempt attempt = Topics.ATTEMPT.deserializer().deserialize(record.topic(), record.value());
        attempts.computeIfAbsent(attempt.subscriptionId().value(), any -> new ArrayList<>()).add(attempt);
        if (attempt.outcome() == AttemptOutcome.DELIVERED || attempt.outcome() == AttemptOutcome.DEAD_LETTERED) {
            finished.add(attempt.deliveryId().value());
        }
    }

    /** The attempts recorded for a webhook, in order. */
    List<Attempt> attemptsOf(String webhookId) {
        List<Attempt> found = new ArrayList<>(attempts.getOrDefault(webhookId, List.of()));
        found.sort(Comparator.comparingInt(Attempt::attempt));
        return found;
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not write to " + topic + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        outcomes.close(Duration.ofSeconds(5));
    }
}
