package io.mediahooks.bench.cluster;

import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.json.MediaEventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes media events the way the CMS would, keyed by organization: either a prepared batch
 * as fast as the producer goes, or a steady rate with {@code created_at} set at the moment of
 * publishing (the start of the latency measured at the receiver).
 */
public final class EventPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;

    public EventPublisher(String bootstrapServers, String topic) {
        this.producer = new KafkaProducer<>(KafkaSide.producerConfig(bootstrapServers), new ByteArraySerializer(),
                new ByteArraySerializer());
        this.topic = topic;
    }

    /**
     * Events encoded ahead of a full-rate run, so that encoding does not slow the producer.
     *
     * @param expectedByOrganization the deliveries the events must make, per organization index
     */
    public record Batch(List<ProducerRecord<byte[], byte[]>> records, long expectedDeliveries, long[] expectedByOrganization) {

        /** The deliveries expected for organizations {@code from} (inclusive) to {@code to} (exclusive). */
        public long expectedFor(int from, int to) {
            return java.util.Arrays.stream(expectedByOrganization, from, to).sum();
        }
    }

    /** Prepares {@code count} events of {@code source}, counting the deliveries they must make. */
    public Batch prepare(EventSource source, int count, Workload workload) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        long[] byOrganization = new long[Workload.ORGANIZATIONS];
        long expected = 0;
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            MediaEvent event = source.next(now);
            int fanOut = workload.fanOut(event);
            expected += fanOut;
            byOrganization[Workload.indexOf(event.organizationId())] += fanOut;
            records.add(record(event));
        }
        return new Batch(records, expected, byOrganization);
    }

    /** Sends the whole batch as fast as the producer can and waits for the acknowledgements. */
    public Duration publish(Batch batch) {
        long started = System.nanoTime();
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.records().size());
        batch.records().forEach(record -> sent.add(producer.send(record)));
        KafkaSide.awaitAll(sent);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** What a paced run published, and the deliveries it must make per organization index. */
    public record Paced(long events, long expectedDeliveries, long[] expectedByOrganization) {

        public long expectedFor(int from, int to) {
            return java.util.Arrays.stream(expectedByOrganization, from, to).sum();
        }
    }

    /**
     * Publishes {@code perSecond} events a second for {@code duration}, each created the moment it
     * is sent. Pacing is by absolute target times, so a late send does not push the rest back.
     */
    public Paced publishAtRate(EventSource source, int perSecond, Duration duration, Workload workload) {
        long intervalNanos = 1_000_000_000L / perSecond;
        long total = duration.toSeconds() * perSecond;
        long start = System.nanoTime();
        long[] byOrganization = new long[Workload.ORGANIZATIONS];
        long expected = 0;
        AtomicLong failed = new AtomicLong();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            MediaEvent event = source.next(Instant.now());
            int fanOut = workload.fanOut(event);
            expected += fanOut;
            byOrganization[Workload.indexOf(event.organizationId())] += fanOut;
            producer.send(record(event), (metadata, error) -> {
                if (error != null) {
                    failed.incrementAndGet();
                }
            });
        }
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " paced events were not published");
        }
        return new Paced(total, expected, byOrganization);
    }

    /**
     * Sends one event; {@code callback} hears whether the broker took it (a run under faults
     * counts an event only once it is acknowledged).
     */
    public void send(MediaEvent event, Callback callback) {
        producer.send(record(event), callback);
    }

    /** Waits until every event sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    private ProducerRecord<byte[], byte[]> record(MediaEvent event) {
        return new ProducerRecord<>(topic, event.organizationId().value().getBytes(StandardCharsets.UTF_8),
                MediaEventCodec.INSTANCE.encode(event));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
