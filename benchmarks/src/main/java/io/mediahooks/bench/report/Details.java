package io.mediahooks.bench.report;

import static io.mediahooks.bench.report.Report.number;

import io.mediahooks.bench.Endpoints;
import io.mediahooks.bench.scenario.EndToEnd;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's details: what each run counted (deliveries sent and arrived, signatures checked,
 * deferrals), the cold figures beside the warm ones, and the worker's live heap after a window.
 */
final class Details {

    private final Results results;
    private final List<String> lines = new ArrayList<>();

    private Details(Results results) {
        this.results = results;
    }

    static List<String> render(Results results) {
        Details details = new Details(results);
        details.render();
        return details.lines;
    }

    private void render() {
        lines.add("");
        lines.add("### Details");
        lines.add("");
        coldFigures();
        if (results.naive != null) {
            lines.add(String.format("- Naive: %s of %s backlog deliveries sent; signatures checked %s, bad %s.",
                    number(results.naive.delivered()), number(results.naive.backlog()),
                    number(results.naive.signaturesChecked()), number(results.naive.signaturesBad())));
        }
        if (results.worker != null) {
            lines.add(String.format("- Worker alone: %s of %s backlog deliveries arrived; signatures checked %s, bad %s.",
                    number(results.worker.delivered()), number(results.worker.backlog()),
                    number(results.worker.signaturesChecked()), number(results.worker.signaturesBad())));
        }
        if (results.router != null) {
            lines.add(String.format("- Router alone: %s events, %s of %s expected deliveries committed.",
                    number(results.router.events()), number(results.router.deliveries()),
                    number(results.router.expectedDeliveries())));
        }
        for (EndToEnd.Result run : new EndToEnd.Result[] {results.endToEnd, results.isolation}) {
            if (run == null) {
                continue;
            }
            String name = run.tenthHangs() ? "Isolation run" : "End to end";
            EndToEnd.FullRate full = run.full();
            lines.add(String.format("- %s, full rate: %s events, %s of %s expected deliveries arrived%s; signatures checked %s, bad %s.",
                    name, number(full.events()), number(full.received()), number(full.expected()),
                    run.tenthHangs() ? hanging(full) : "", number(run.signaturesChecked()), number(run.signaturesBad())));
            run.steady().ifPresent(steady -> lines.add(String.format(
                    "- %s, steady (after the paced phase): %s events, %s of %s expected deliveries arrived%s.",
                    name, number(steady.events()), number(steady.received()), number(steady.expected()), hanging(steady))));
            EndToEnd.Paced paced = run.paced();
            lines.add(String.format("- %s, paced: %s events at %s/s, %s of %s expected deliveries arrived.",
                    name, number(paced.events()), number(paced.eventsPerSecond()), number(paced.received()),
                    number(paced.expected())));
            if (!full.workerHeapHistogram().isEmpty()) {
                lines.add("- " + name + ": live heap of worker 1 after the window (jcmd GC.class_histogram, top classes):");
                lines.add("");
                lines.add("  ```");
                full.workerHeapHistogram().forEach(line -> lines.add("  " + line));
                lines.add("  ```");
            }
        }
    }

    /** What reached, and what was deferred from, the hanging endpoints during an isolation batch. */
    private static String hanging(EndToEnd.FullRate full) {
        return " (" + Endpoints.HEALTHY + "); " + number(full.hangingRequests()) + " requests reached the hanging endpoints; "
                + number(full.deferred()) + " deferrals for their " + number(full.tenthDeliveries()) + " deliveries until then";
    }

    /** The same run's figures measured cold, as every backlog was until 2026-12-07 (see {@code Window.coldRate}). */
    private void coldFigures() {
        List<String> cold = new ArrayList<>();
        if (results.naive != null) {
            cold.add(String.format("naive %s/s (its first %s deliveries)", number(results.naive.coldPerSecond()),
                    number(results.naive.coldItems())));
        }
        if (results.worker != null) {
            cold.add(String.format("worker alone %s/s (its first %s)", number(results.worker.coldPerSecond()),
                    number(results.worker.coldItems())));
        }
        if (results.router != null) {
            cold.add(String.format("router alone %s events/s (its warm-up batch)", number(results.router.coldEventsPerSecond())));
        }
        if (results.endToEnd != null && results.endToEnd.coldPerSecond() > 0) {
            cold.add(String.format("end to end %s deliveries/s (its JIT warm-up batch)", number(results.endToEnd.coldPerSecond())));
        }
        if (!cold.isEmpty()) {
            lines.add("- Cold, in the middle of each warm-up (JVMs just started; comparable to, not the same as, how these "
                    + "were measured until 2026-12-07): " + String.join("; ", cold) + ".");
        }
    }
}
