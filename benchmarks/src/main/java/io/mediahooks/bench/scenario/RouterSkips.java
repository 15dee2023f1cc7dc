package io.mediahooks.bench.scenario;

import io.mediahooks.bench.cluster.PrometheusText;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.report.Progress;
import java.util.stream.Collectors;

/**
 * Says why a warm-up got fewer deliveries than its events should make, from the router's own
 * counters of skipped events: a router that has just started may route events before it has
 * loaded every webhook.
 */
final class RouterSkips {

    private static final String SKIPPED = "mediahooks_router_events_skipped_total";

    private RouterSkips() {
    }

    static void report(String what, ServiceProcess router, long expected, long received) {
        if (received >= expected) {
            return;
        }
        PrometheusText metrics = router.metrics();
        String reasons = metrics.text().lines().filter(line -> line.startsWith(SKIPPED + "{"))
                .map(line -> line.replaceAll(".*reason=\"([^\"]*)\".*\\s(\\S+)$", "$1=$2"))
                .collect(Collectors.joining(", "));
        Progress.say("%s: %,d of %,d deliveries arrived; the router counts events skipped: %s", what, received, expected,
                reasons.isEmpty() ? "(none)" : reasons);
    }
}
