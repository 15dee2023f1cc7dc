package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;

import io.mediahooks.model.Condition;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CPU time of the router's own work per event (decode, dedup store, webhook lookup, matching,
 * delivery encoding), measured in the thread that runs the real topology in a
 * {@link org.apache.kafka.streams.TopologyTestDriver}: no broker, no exactly-once commits. Thread
 * CPU time does not grow when other processes take the cores, so the figure holds on a busy
 * machine where a rate would not. Not part of the build (no {@code Test} suffix):
 *
 * <pre>
 * mvn -B -pl event-router -am test -Dtest=RouterCpuCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.events=100000]
 * </pre>
 */
class RouterCpuCostBenchmark {

    private static final int ORGANIZATIONS = 100;
    private static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);
    private static final List<EventType> TYPES = List.of(EventType.VIDEO_READY, EventType.VIDEO_UPDATED,
            EventType.PLAYLIST_CREATED, EventType.LIVESTREAM_CONNECTED);

    @Test
    void cpuTimePerRoutedEvent() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (RouterDriver router = new RouterDriver()) {
            for (int org = 0; org < ORGANIZATIONS; org++) {
                String organization = "org_" + org;
                router.put(secrets(organization));
                // Ten webhooks of the benchmark's shapes: types, ALL, and tag conditions.
                router.put(webhook("wh_" + org + "_0", organization, "https://hooks.example.com/" + org + "/0", EventSelection.allTypes()));
                router.put(webhook("wh_" + org + "_1", organization, EventType.VIDEO_READY));
                router.put(webhook("wh_" + org + "_2", organization, "https://hooks.example.com/" + org + "/2",
                        EventSelection.of(EventType.VIDEO_READY, EventType.VIDEO_UPDATED), new Condition.HasTag("sports")));
                router.put(webhook("wh_" + org + "_3", organization, EventType.VIDEO_READY, EventType.VIDEO_UPDATED, EventType.VIDEO_DELETED));
                router.put(webhook("wh_" + org + "_4", organization, EventType.LIVESTREAM_CONNECTED, EventType.LIVESTREAM_DISCONNECTED));
                router.put(webhook("wh_" + org + "_5", organization, EventType.PLAYLIST_CREATED, EventType.PLAYLIST_UPDATED));
                router.put(webhook("wh_" + org + "_6", organization, "https://hooks.example.com/" + org + "/6",
                        EventSelection.allTypes(), new Condition.HasTag("highlights")));
                router.put(webhook("wh_" + org + "_7", organization, "https://hooks.example.com/" + org + "/7",
                        EventSelection.of(EventType.VIDEO_READY), new Condition.HasTag("news")));
                router.put(webhook("wh_" + org + "_8", organization, EventType.LIVESTREAM_CREATED));
                router.put(webhook("wh_" + org + "_9", organization, EventType.VIDEO_UPDATED));
            }
            run(router, "warm-up", EVENTS / 5, 0, threads);
            run(router, "measured", EVENTS, EVENTS, threads);
        }
    }

    private static void run(RouterDriver router, String what, int events, int offset, ThreadMXBean threads) {
        long deliveries = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        for (int n = 0; n < events; n++) {
            int id = offset + n;
            router.publish(event(id));
            if (n % 1_000 == 999) {
                deliveries += router.deliveries().size();
            }
        }
        deliveries += router.deliveries().size();
        double cpuMicros = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000.0 / events;
        double wallMicros = (System.nanoTime() - wallStart) / 1_000.0 / events;
        System.out.printf("%s: %,d events, %,d deliveries (fan-out %.2f): %.1f µs CPU per event (%.1f µs wall)%n", what, events,
                deliveries, (double) deliveries / events, cpuMicros, wallMicros);
    }

    private static MediaEvent event(int n) {
        String[] tags = n % 3 == 0 ? new String[] {"sports", "highlights"} : n % 3 == 1 ? new String[] {"news"} : new String[0];
        return Fixtures.event("org_" + (n % ORGANIZATIONS), "evt_" + n, TYPES.get(n % TYPES.size()), tags);
    }
}
