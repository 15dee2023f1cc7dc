package io.mediahooks.bench.scenario;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.cluster.DeliveryCounter;
import io.mediahooks.bench.cluster.EventPublisher;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.ResourceMonitor;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.report.Distribution;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.retry.RetrySchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The router alone, exactly-once (its default), with the 1,000 webhooks of the workload: once a
 * warm-up batch has gone through (the webhooks are loaded, the JIT has compiled the hot paths:
 * the resource table's JIT column shows what is left of it), a
 * batch of events is published as fast as the producer goes; the rate is that of deliveries
 * becoming visible to a {@code read_committed} consumer, in events and in deliveries. Then events
 * at a steady {@value EndToEnd#PACED_EVENTS_PER_SECOND} a second, for the router's share of latency.
 */
public final class RouterAlone {

    private static final String NAME = "router";
    /**
     * Events routed before the measured ones. With 20,000 (until 2026-12-07) the router's compiler
     * threads took 0.62 of its 1.22 cores in the measured window, and the router was measured at
     * half its speed; after 200,000 (about 20 s of a warming router) they take under 0.1.
     */
    static final int WARM_UP_EVENTS = 200_000;
    /** Warm-up deliveries of events routed before the webhooks were loaded never come: stop waiting soon. */
    static final Duration WARM_UP_STALL = Duration.ofSeconds(10);

    /**
     * @param jar                 the router jar measured
     * @param eventsPerSecond     events routed a second (deliveries per second divided by the mean fan-out)
     * @param deliveriesPerSecond deliveries made visible a second
     * @param paced               at {@value EndToEnd#PACED_EVENTS_PER_SECOND} events a second: from each event being
     *                            sent to its deliveries being visible to a read_committed consumer (the router's
     *                            share of the end-to-end latency)
     */
    public record Result(Path jar, double eventsPerSecond, double deliveriesPerSecond, double meanFanOut, long events,
                         long deliveries, long expectedDeliveries, Map<String, ResourceMonitor.Usage> usage,
                         EndToEnd.Latency paced, double coldEventsPerSecond) {
    }

    private RouterAlone() {
    }

    /** Events at a steady rate, each timed from being sent to each of its deliveries being visible. */
    private static EndToEnd.Latency paced(String name, DeliveryCounter counter, EventPublisher publisher, EventSource source,
                                          Workload workload, Duration duration) {
        counter.reset();
        Progress.say("%s: %,d events/s for %ds, latency from sending to read_committed visibility", name,
                EndToEnd.PACED_EVENTS_PER_SECOND, duration.toSeconds());
        EventPublisher.Paced published = publisher.publishAtRate(source, EndToEnd.PACED_EVENTS_PER_SECOND, duration, workload);
        Waiting.untilCount(name + " paced", counter::count, published.expectedDeliveries(), Duration.ofSeconds(60),
                Duration.ofSeconds(20));
        EndToEnd.Latency latency = EndToEnd.Latency.of(counter.latencyMillis());
        Progress.say("%s latency: p50 %d ms, p99 %d ms, max %d ms (%,d deliveries)", name, latency.p50(), latency.p99(),
                latency.max(), latency.count());
        return latency;
    }

    /** The router of this build ({@code --router-jar}). */
    public static Result run(Bench bench) {
        return run(bench, bench.options().routerJar(), NAME);
    }

    /** The router of {@code jar}, under {@code name} (its topics, application id, logs and recording). */
    public static Result run(Bench bench, Path jar, String name) {
        int events = bench.options().size(200_000, 20_000);
        int warmUpEvents = bench.options().size(WARM_UP_EVENTS, 3_000);
        Duration pacedFor = Duration.ofSeconds(bench.options().size(30, 10));
        Workload workload = bench.workload(false);
        try (KafkaSide kafka = bench.kafka(name);
             EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), kafka.topics().names().mediaEvents());
             DeliveryCounter counter = new DeliveryCounter(kafka.bootstrapServers(), kafka.topics().names().deliveries(),
                     KafkaSide.PARTITIONS)) {
            kafka.provision(RetrySchedule.defaults());
            kafka.publish(workload);
            EventSource source = new EventSource("evt_" + name + "_", bench.seed(), Workload.ORGANIZATIONS);
            EventPublisher.Batch warmUp = publisher.prepare(source, warmUpEvents, workload);
            EventPublisher.Batch batch = publisher.prepare(source, events, workload);
            ServiceProcess router = bench.startRouter(kafka, name, jar);
            try {
                publisher.publish(warmUp);
                Waiting.untilCount(name + " warm-up", counter::count, warmUp.expectedDeliveries(), Duration.ofSeconds(180),
                        WARM_UP_STALL);
                RouterSkips.report(name + " warm-up", router, warmUp.expectedDeliveries(), counter.count());
                double coldEventsPerSecond = Window.coldRate(new Distribution(counter.seenNanos()), warmUp.expectedDeliveries(),
                        System.nanoTime()) * warmUpEvents / warmUp.expectedDeliveries();
                counter.reset();
                Window window = new Window(batch.expectedDeliveries(), () -> List.of(ResourceMonitor.Target.of(router),
                        ResourceMonitor.Target.of(bench.brokerProcess()), ResourceMonitor.Target.self("harness")));
                Duration published = publisher.publish(batch);
                Progress.say("%s: %,d events published in %.1fs; they make %,d deliveries (mean fan-out %.2f)", name, events,
                        published.toMillis() / 1000.0, batch.expectedDeliveries(), (double) batch.expectedDeliveries() / events);
                Waiting.untilCount(name, counter::count, batch.expectedDeliveries(), Duration.ofSeconds(300),
                        Duration.ofSeconds(30), window::observe);
                long ended = System.nanoTime();
                window.closeIfOpen();
                double fanOut = (double) batch.expectedDeliveries() / events;
                double deliveriesPerSecond = new Distribution(counter.seenNanos())
                        .backlogRate(batch.expectedDeliveries(), Window.FROM, Window.TO, ended);
                if (window.measured()) {
                    bench.profiled(name + " alone", window.opened(), window.closed(), List.of(name + "-router", "broker", "harness"));
                }
                long delivered = counter.count();
                Progress.say("%s: %,.0f events/s (%,.0f deliveries/s)", name, deliveriesPerSecond / fanOut, deliveriesPerSecond);
                EndToEnd.Latency paced = paced(name, counter, publisher, source, workload, pacedFor);
                return new Result(jar, deliveriesPerSecond / fanOut, deliveriesPerSecond, fanOut, events, delivered,
                        batch.expectedDeliveries(), window.usage(), paced, coldEventsPerSecond);
            } finally {
                router.close();
            }
        }
    }
}
