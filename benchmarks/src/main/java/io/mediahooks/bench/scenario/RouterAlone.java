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
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The router alone, exactly-once (its default), with the 1,000 webhooks of the workload: once a
 * warm-up batch has gone through (the webhooks are loaded, the JIT has compiled the hot paths), a
 * batch of events is published as fast as the producer goes; the rate is that of deliveries
 * becoming visible to a {@code read_committed} consumer, in events and in deliveries.
 */
public final class RouterAlone {

    private static final String NAME = "router";
    /** Warm-up deliveries of events routed before the webhooks were loaded never come: stop waiting soon. */
    static final Duration WARM_UP_STALL = Duration.ofSeconds(10);

    /**
     * @param eventsPerSecond     events routed a second (deliveries per second divided by the mean fan-out)
     * @param deliveriesPerSecond deliveries made visible a second
     */
    public record Result(double eventsPerSecond, double deliveriesPerSecond, double meanFanOut, long events,
                         long deliveries, long expectedDeliveries, Map<String, ResourceMonitor.Usage> usage) {
    }

    private RouterAlone() {
    }

    public static Result run(Bench bench) {
        int events = bench.options().size(200_000, 20_000);
        int warmUpEvents = bench.options().size(20_000, 3_000);
        Workload workload = bench.workload(false);
        try (KafkaSide kafka = bench.kafka(NAME);
             EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), kafka.topics().names().mediaEvents());
             DeliveryCounter counter = new DeliveryCounter(kafka.bootstrapServers(), kafka.topics().names().deliveries(),
                     KafkaSide.PARTITIONS)) {
            kafka.provision(RetrySchedule.defaults());
            kafka.publish(workload);
            EventSource source = new EventSource("evt_router_", bench.seed(), Workload.ORGANIZATIONS);
            EventPublisher.Batch warmUp = publisher.prepare(source, warmUpEvents, workload);
            EventPublisher.Batch batch = publisher.prepare(source, events, workload);
            ServiceProcess router = bench.startRouter(kafka, NAME);
            try {
                publisher.publish(warmUp);
                Waiting.untilCount("router warm-up", counter::count, warmUp.expectedDeliveries(), Duration.ofSeconds(180),
                        WARM_UP_STALL);
                RouterSkips.report("router warm-up", router, warmUp.expectedDeliveries(), counter.count());
                counter.reset();
                Window window = new Window(batch.expectedDeliveries(), () -> List.of(ResourceMonitor.Target.of(router),
                        ResourceMonitor.Target.of(bench.brokerProcess()), ResourceMonitor.Target.self("harness")));
                Duration published = publisher.publish(batch);
                Progress.say("router: %,d events published in %.1fs; they make %,d deliveries (mean fan-out %.2f)", events,
                        published.toMillis() / 1000.0, batch.expectedDeliveries(), (double) batch.expectedDeliveries() / events);
                Waiting.untilCount("router", counter::count, batch.expectedDeliveries(), Duration.ofSeconds(300),
                        Duration.ofSeconds(30), window::observe);
                long ended = System.nanoTime();
                window.closeIfOpen();
                double fanOut = (double) batch.expectedDeliveries() / events;
                double deliveriesPerSecond = new Distribution(counter.seenNanos())
                        .backlogRate(batch.expectedDeliveries(), Window.FROM, Window.TO, ended);
                if (window.measured()) {
                    bench.profiled("router alone", window.opened(), window.closed(), List.of(NAME + "-router", "broker", "harness"));
                }
                Result result = new Result(deliveriesPerSecond / fanOut, deliveriesPerSecond, fanOut, events, counter.count(),
                        batch.expectedDeliveries(), window.usage());
                Progress.say("router: %,.0f events/s (%,.0f deliveries/s)", result.eventsPerSecond(), result.deliveriesPerSecond());
                return result;
            } finally {
                router.close();
            }
        }
    }
}
