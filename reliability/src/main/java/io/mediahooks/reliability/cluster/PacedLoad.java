package io.mediahooks.reliability.cluster;

import io.mediahooks.bench.cluster.EventPublisher;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Events published at a steady rate on a thread of their own, the way the CMS publishes them while
 * the faults happen. Each event is created the moment it is sent, and its deliveries go into the
 * {@link Ledger} once the broker acknowledged it: an event the producer gave up on (the broker was
 * down longer than its delivery timeout) is counted as not published, not as lost.
 */
public final class PacedLoad implements AutoCloseable {

    private final EventPublisher publisher;
    private final EventSource source;
    private final Workload workload;
    private final Ledger ledger;
    private final long events;
    private final long intervalNanos;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Thread thread;
    private volatile long startedNanos;
    private volatile RuntimeException failure;

    private PacedLoad(EventPublisher publisher, EventSource source, Workload workload, Ledger ledger, long events,
                      Duration duration) {
        this.publisher = publisher;
        this.source = source;
        this.workload = workload;
        this.ledger = ledger;
        this.events = events;
        this.intervalNanos = duration.toNanos() / Math.max(1, events);
        this.thread = new Thread(this::run, "paced-load");
        this.thread.setDaemon(true);
    }

    /** Publishes {@code events} events of {@code source}, spread evenly over {@code duration}, starting now. */
    public static PacedLoad start(EventPublisher publisher, EventSource source, Workload workload, Ledger ledger, long events,
                                  Duration duration) {
        PacedLoad load = new PacedLoad(publisher, source, workload, ledger, events, duration);
        load.startedNanos = System.nanoTime();
        load.thread.start();
        return load;
    }

    /**
     * How many events of a source with this id prefix and seed make at least {@code deliveries}
     * deliveries: a source is deterministic for its seed, whatever the times it is given.
     */
    public static long eventsFor(long deliveries, Workload workload, String idPrefix, long seed, int organizations) {
        EventSource dry = new EventSource(idPrefix, seed, organizations);
        long events = 0;
        long made = 0;
        while (made < deliveries) {
            made += workload.fanOut(dry.next(Instant.EPOCH));
            events++;
        }
        return events;
    }

    private void run() {
        try {
            for (long i = 0; i < events && !Thread.currentThread().isInterrupted(); i++) {
                long wait = startedNanos + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                MediaEvent event = source.next(Instant.now());
                List<DeliveryId> deliveries = deliveriesOf(event);
                publisher.send(event, (metadata, error) -> {
                    if (error == null) {
                        ledger.expect(event.organizationId(), deliveries);
                    } else {
                        failed.incrementAndGet();
                    }
                });
                sent.incrementAndGet();
            }
            publisher.flush();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private List<DeliveryId> deliveriesOf(MediaEvent event) {
        List<Subscription> webhooks = workload.organizations().get(Workload.indexOf(event.organizationId())).webhooks();
        return webhooks.stream().filter(webhook -> webhook.matches(event))
                .map(webhook -> DeliveryId.of(event.organizationId(), event.eventId(), webhook.id())).toList();
    }

    /** Time since the load started. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Waits until every event was sent and acknowledged (or failed); false on timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        thread.join(TimeUnit.NANOSECONDS.toMillis(timeout.toNanos()));
        if (failure != null) {
            throw new IllegalStateException("the load stopped: " + failure.getMessage(), failure);
        }
        return !thread.isAlive();
    }

    public long sent() {
        return sent.get();
    }

    /** Events the producer gave up on: never published, so nothing is expected of them. */
    public long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
