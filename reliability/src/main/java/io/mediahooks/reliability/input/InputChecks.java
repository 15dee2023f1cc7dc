package io.mediahooks.reliability.input;

import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.PrometheusText;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.receiver.Recording;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the malformed-input scenario watches until everything is accounted for: the deliveries at
 * the receiver, the bad media events in {@code media-events-invalid} (found by their id header,
 * with the reason in header {@code error}), and the services' counters of rejected records.
 */
final class InputChecks implements AutoCloseable {

    private final KafkaSide kafka;
    private final ServiceProcess router;
    private final ServiceProcess worker;
    private final Recording recording;
    private final Interleaving.Published published;
    private final KafkaConsumer<byte[], byte[]> invalid;
    private final Map<String, String> invalidReasons = new HashMap<>();
    private final Map<InputTopic, Long> acceptedByTopic = new EnumMap<>(InputTopic.class);

    InputChecks(KafkaSide kafka, ServiceProcess router, ServiceProcess worker, Recording recording,
                Interleaving.Published published) {
        this.kafka = kafka;
        this.router = router;
        this.worker = worker;
        this.recording = recording;
        this.published = published;
        for (InputTopic topic : InputTopic.values()) {
            acceptedByTopic.put(topic, published.accepted().stream().filter(bad -> bad.topic() == topic).count());
        }
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * Mutations.ONE_MB);
        invalid = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        String topic = kafka.topics().names().mediaEventsInvalid();
        List<TopicPartition> partitions = IntStream.range(0, KafkaSide.PARTITIONS).mapToObj(p -> new TopicPartition(topic, p)).toList();
        invalid.assign(partitions);
        invalid.seekToBeginning(partitions);
    }

    /** Accounted so far: each figure the verdict compares with what was published. */
    record State(long delivered, long expectedDelivered, long invalidFound, long invalidExpected, long invalidWithoutReason,
                 Map<String, Long> counters, Map<String, Long> expectedCounters) {

        boolean complete() {
            return delivered >= expectedDelivered && invalidFound >= invalidExpected
                    && expectedCounters.entrySet().stream().allMatch(entry -> counters.getOrDefault(entry.getKey(), 0L) >= entry.getValue());
        }
    }

    /** Reads what arrived for up to {@code wait}, then takes stock. */
    State poll(Duration wait) {
        invalid.poll(wait).forEach(record -> {
            Header id = record.headers().lastHeader(BadRecord.ID_HEADER);
            Header error = record.headers().lastHeader("error");
            if (id != null) {
                invalidReasons.put(text(id.value()), error == null ? "" : text(error.value()));
            }
        });
        long delivered = published.expectedDeliveries().stream().filter(recording::saw).count();
        List<BadRecord> media = published.accepted().stream().filter(bad -> bad.topic() == InputTopic.MEDIA_EVENTS).toList();
        long found = media.stream().filter(bad -> invalidReasons.containsKey(bad.id())).count();
        long withoutReason = media.stream().filter(bad -> invalidReasons.containsKey(bad.id()))
                .filter(bad -> invalidReasons.get(bad.id()).isBlank()).count();
        return new State(delivered, published.expectedDeliveries().size(), found, media.size(), withoutReason, counters(),
                expectedCounters());
    }

    /** The valid events that went to {@code media-events-invalid} by mistake. */
    long validSetAside() {
        return invalidReasons.keySet().stream().filter(id -> id.startsWith("valid-")).count();
    }

    /** The reasons given for the bad media events, for the report. */
    Map<String, String> invalidReasons() {
        return Map.copyOf(invalidReasons);
    }

    private Map<String, Long> counters() {
        PrometheusText routerMetrics = router.metrics();
        PrometheusText workerMetrics = worker.metrics();
        var names = kafka.topics().names();
        Map<String, Long> counters = new java.util.TreeMap<>();
        counters.put("router rejected subscriptions", (long) routerMetrics.sum("mediahooks_router_invalid_records_total",
                "kind=\"subscription\""));
        counters.put("router rejected secrets", (long) routerMetrics.sum("mediahooks_router_invalid_records_total",
                "kind=\"secrets\""));
        counters.put("worker view rejected subscriptions", (long) workerMetrics.sum("mediahooks_worker_view_invalid_records_total",
                "topic=\"" + names.subscriptions() + "\""));
        counters.put("worker view rejected secrets", (long) workerMetrics.sum("mediahooks_worker_view_invalid_records_total",
                "topic=\"" + names.secrets() + "\""));
        counters.put("worker skipped deliveries", (long) workerMetrics.sum("mediahooks_worker_invalid_records_total",
                "topic=\"" + InputTopic.DELIVERIES.nameIn(names) + "\""));
        counters.put("worker skipped retries", (long) workerMetrics.sum("mediahooks_worker_invalid_records_total",
                "topic=\"" + InputTopic.RETRIES.nameIn(names) + "\""));
        return counters;
    }

    private Map<String, Long> expectedCounters() {
        Map<String, Long> expected = new java.util.TreeMap<>();
        expected.put("router rejected subscriptions", acceptedByTopic.get(InputTopic.SUBSCRIPTIONS));
        expected.put("router rejected secrets", acceptedByTopic.get(InputTopic.SECRETS));
        expected.put("worker view rejected subscriptions", acceptedByTopic.get(InputTopic.SUBSCRIPTIONS));
        expected.put("worker view rejected secrets", acceptedByTopic.get(InputTopic.SECRETS));
        expected.put("worker skipped deliveries", acceptedByTopic.get(InputTopic.DELIVERIES));
        expected.put("worker skipped retries", acceptedByTopic.get(InputTopic.RETRIES));
        return expected;
    }

    /** Waits until everything is accounted for, a service dies, or {@code deadline}; the last state. */
    State awaitAccounted(Instant deadline) {
        State state = poll(Duration.ofMillis(500));
        while (!state.complete() && Instant.now().isBefore(deadline) && router.process().isAlive() && worker.process().isAlive()) {
            state = poll(Duration.ofMillis(500));
        }
        return state;
    }

    /** Log lines of {@code service} containing {@code fragment}. */
    static long logLines(ServiceProcess service, String fragment) {
        return service.process().log().lines().filter(line -> line.contains(fragment)).count();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        invalid.close(Duration.ofSeconds(5));
    }
}
