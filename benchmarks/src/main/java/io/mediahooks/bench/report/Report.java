package io.mediahooks.bench.report;

import io.mediahooks.bench.cluster.ResourceMonitor;
import io.mediahooks.bench.micro.MicroBenchmarks;
import io.mediahooks.bench.profile.JfrSummary;
import io.mediahooks.bench.scenario.Burst;
import io.mediahooks.bench.scenario.Ceiling;
import io.mediahooks.bench.scenario.EndToEnd;
import io.mediahooks.bench.scenario.RouterAlone;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The results as Markdown: the table of figures with their ratios and targets, the resources each
 * process used in each measured window ({@link ResourceTable}), what each run counted
 * ({@link Details}), and the profiles. Printed at the end of a run and written to
 * {@code results.md} in the run directory, ready for BENCHMARKS.md.
 */
public final class Report {

    private static final double E2E_SHARE_OF_CEILING = 0.7;
    private static final double E2E_MIN_PER_SECOND = 10_000;
    private static final long P99_MAX_MILLIS = 250;
    private static final double ROUTER_MIN_EVENTS = 20_000;
    private static final long ROUTER_P99_MAX_MILLIS = 100;
    private static final double ISOLATION_MIN_SHARE = 0.9;
    private static final double BURST_MIN_PER_SECOND = 1_500;
    private static final double WORKER_HEAP_MAX_MIB = 256;

    private final Results results;
    private final List<String> lines = new ArrayList<>();

    private Report(Results results) {
        this.results = results;
    }

    public static List<String> render(Results results, List<String> header) {
        Report report = new Report(results);
        report.lines.addAll(header);
        report.table();
        report.lines.addAll(ResourceTable.render(results));
        report.lines.addAll(Details.render(results));
        report.lines.add("");
        report.lines.add("### Profiles (JFR execution samples in each measured window)");
        report.lines.add("");
        report.lines.add("```");
        report.lines.addAll(results.profiles.isEmpty() ? List.of("(no recordings: --no-jfr)") : results.profiles);
        report.lines.add("```");
        return report.lines;
    }

    private void table() {
        Optional<Double> ceiling = results.bestCeiling().map(Ceiling.Run::perSecond);
        Optional<Double> naive = Optional.ofNullable(results.naive).map(n -> n.perSecond());
        lines.add("| # | Figure | Result | Ratio | Target | Verdict |");
        lines.add("|---|---|---|---|---|---|");
        results.bestCeiling().ifPresent(best -> row("1", "Ceiling: the worker's HTTP client to the receiver, no Kafka, no signing",
                String.format("**%s POST/s** (best of %s)", number(best.perSecond()), results.ceiling.stream()
                        .map(run -> run.perEndpoint() + "/endpoint: " + number(run.perSecond()))
                        .collect(Collectors.joining(", "))),
                "1.00 (the ceiling)", "", ""));
        if (results.naive != null) {
            row("2", "Naive baseline: 1 thread, poll, sign, blocking POST, same topic and receiver (warm)",
                    String.format("**%s deliveries/s**; its thread %s per delivery", number(results.naive.perSecond()),
                            micros(results.naive.threadMicrosPerDelivery())),
                    ratio(results.naive.perSecond(), ceiling, "ceiling"), "", "");
        }
        if (results.worker != null) {
            double workerCores = results.worker.usage().entrySet().stream().filter(entry -> entry.getKey().contains("worker"))
                    .mapToDouble(entry -> entry.getValue().cores()).sum();
            row("2b", "Worker alone on the same backlog as the naive baseline (warm)",
                    String.format("**%s deliveries/s**; %.2f cores, %s of worker CPU per delivery",
                            number(results.worker.perSecond()), workerCores,
                            micros(results.worker.perSecond() > 0 ? workerCores / results.worker.perSecond() * 1e6 : 0)),
                    joined(ratio(results.worker.perSecond(), ceiling, "ceiling"), times(results.worker.perSecond(), naive, "naive")),
                    "", "");
        }
        if (results.endToEnd != null) {
            EndToEnd.FullRate full = results.endToEnd.full();
            List<String> missed = new ArrayList<>();
            ceiling.map(c -> full.allPerSecond() / c).filter(share -> share < E2E_SHARE_OF_CEILING).ifPresent(share ->
                    missed.add(String.format(Locale.ROOT, "%.2f of the ceiling (%s)", share, shortfall(share, E2E_SHARE_OF_CEILING))));
            if (full.allPerSecond() < E2E_MIN_PER_SECOND) {
                missed.add(number(full.allPerSecond()) + "/s (" + shortfall(full.allPerSecond(), E2E_MIN_PER_SECOND) + ")");
            }
            String verdict = missed.isEmpty() ? "met" : "**missed**: " + String.join(", ", missed);
            row("3a", "End to end at full rate: media-events, router, worker, receiver",
                    String.format("**%s signed deliveries/s** (%s events/s, fan-out %.2f)", number(full.allPerSecond()),
                            number(full.allPerSecond() / full.meanFanOut()), full.meanFanOut()),
                    joined(ratio(full.allPerSecond(), ceiling, "ceiling"), times(full.allPerSecond(), naive, "naive")),
                    "≥ 0.7 of ceiling and ≥ 10,000/s", verdict);
            EndToEnd.Latency latency = results.endToEnd.paced().all();
            row("3b", String.format("Latency, created_at to POST arrival, at %s events/s", number(results.endToEnd.paced().eventsPerSecond())),
                    String.format("p50 **%d ms**, p99 **%d ms**, max %d ms (%s deliveries)", latency.p50(), latency.p99(),
                            latency.max(), number(latency.count())),
                    "", "p99 ≤ 250 ms", latency.p99() <= P99_MAX_MILLIS ? "met"
                            : String.format("**missed** by %d ms", latency.p99() - P99_MAX_MILLIS));
            stageRows("3c", "Latency breakdown (worker histograms, first attempts)", results.endToEnd.paced());
        }
        if (results.routerBaseline != null) {
            routerRows("4 (baseline)", "Router alone, baseline " + results.routerBaseline.jar(), results.routerBaseline);
        }
        if (results.router != null) {
            routerRows("4", "Router alone, exactly-once, 1,000 webhooks over 100 organizations", results.router);
        }
        if (results.isolation != null && results.endToEnd != null) {
            double without = results.endToEnd.full().healthyPerSecond();
            shareRow("5a", "Isolation: throughput of orgs 0-89 with orgs 90-99 (10% of webhooks) hanging",
                    results.isolation.full(), without, "");
            results.isolation.steady().ifPresent(steady -> shareRow("5a'",
                    "Isolation, steady: as 5a, a second batch after the paced phase (the endpoints hanging since the warm-up)",
                    steady, without, String.format("; %s deferrals for %s deliveries to orgs 90-99", number(steady.deferred()),
                            number(steady.tenthDeliveries()))));
            EndToEnd.Latency hanging = results.isolation.paced().healthy();
            EndToEnd.Latency none = results.endToEnd.paced().healthy();
            row("5b", String.format("Isolation: latency of orgs 0-89 at %s events/s", number(results.isolation.paced().eventsPerSecond())),
                    String.format("p99 **%d ms** hanging vs %d ms none hanging (p50 %d vs %d)", hanging.p99(), none.p99(),
                            hanging.p50(), none.p50()),
                    none.p99() == 0 ? "" : String.format("%.2f", (double) hanging.p99() / none.p99()), "", "");
            stageRows("5c", "Isolation latency breakdown (worker histograms, first attempts, all organizations)",
                    results.isolation.paced());
        }
        if (results.burst != null) {
            Burst.Result burst = results.burst;
            row("8", String.format("One endpoint, burst: %s events for one webhook, endpoint answers after %d ms, %d workers",
                            number(burst.events()), burst.delayMillis(), burst.workers()),
                    String.format("**%s deliveries/s**; %s deferred; %s of %s arrived", number(burst.perSecond()),
                            number(burst.deferred()), number(burst.received()), number(burst.events())),
                    String.format("%.2f of target", burst.perSecond() / BURST_MIN_PER_SECOND), "≥ 1,500/s, 0 deferred",
                    burst.perSecond() >= BURST_MIN_PER_SECOND && burst.deferred() == 0 ? "met"
                            : "**missed** " + shortfall(burst.perSecond(), BURST_MIN_PER_SECOND));
        }
        for (MicroBenchmarks.Result micro : results.micro) {
            row("6", "JMH " + micro.name(), String.format("**%,.0f ns/op** ± %,.0f (%s/s on one core)", micro.nanosPerOp(),
                    micro.error(), number(micro.opsPerSecond())), "", "", "");
        }
        workerRow();
    }

    private void workerRow() {
        if (results.endToEnd == null) {
            return;
        }
        results.endToEnd.full().usage().entrySet().stream().filter(entry -> entry.getKey().contains("worker")).findFirst()
                .ifPresent(entry -> {
                    ResourceMonitor.Usage usage = entry.getValue();
                    Optional<JfrSummary> recording = results.recording(ResourceTable.E2E_WINDOW, entry.getKey());
                    String heap = recording.map(r -> String.format(Locale.ROOT,
                            "heap peak **%.0f MiB**, live after GC %.0f MiB, of %.0f MiB max; GC pauses %.1f s (%d GCs) in %d s; ",
                            r.heap().peakUsed() / ResourceTable.MIB, r.heap().maxLive() / ResourceTable.MIB, r.heap().reserved() / ResourceTable.MIB,
                            r.gcPauses().toMillis() / 1000.0, r.heap().collections(), r.window().toSeconds())).orElse("");
                    boolean fits = recording.map(r -> r.heap().peakUsed() / ResourceTable.MIB <= WORKER_HEAP_MAX_MIB).orElse(false);
                    row("7", "Worker at full rate (end to end): heap and CPU",
                            heap + String.format(Locale.ROOT, "CPU **%.2f cores**; RSS %.0f MiB", usage.cores(),
                                    usage.peakResidentBytes() / ResourceTable.MIB),
                            "", "heap ≤ 256 MiB", recording.isEmpty() ? "(no recording)"
                                    : fits ? "met (runs in -Xmx256m)" : "**missed**");
                });
    }

    private static String micros(double micros) {
        return micros > 0 ? String.format(Locale.ROOT, "**%.0f µs**", micros) : "(window not closed)";
    }

    /** The healthy organizations' throughput in an isolation batch against the run without hanging endpoints. */
    private void shareRow(String id, String what, EndToEnd.FullRate hanging, double without, String more) {
        double share = hanging.healthyPerSecond() / without;
        row(id, what, String.format("**%s/s** hanging vs %s/s none hanging%s", number(hanging.healthyPerSecond()),
                        number(without), more),
                String.format("%.2f", share), "≥ 0.90", share >= ISOLATION_MIN_SHARE ? "met"
                        : "**missed** " + shortfall(share, ISOLATION_MIN_SHARE));
    }

    /** A row per stage of the worker's breakdown of a paced run. */
    private void stageRows(String id, String what, EndToEnd.Paced paced) {
        for (EndToEnd.Stage stage : paced.stages()) {
            row(id, what + ": " + stage.name(), stage.p50Millis() < 0 ? "not recorded (a worker without stage timings)"
                    : String.format("p50 ≤ %d ms, p99 ≤ %d ms", stage.p50Millis(), stage.p99Millis()), "", "", "");
        }
    }

    private void routerRows(String id, String what, RouterAlone.Result router) {
        // On a shared machine the rate follows the load; events per CPU-second of the router follows the code.
        String perCpuSecond = router.usage().entrySet().stream().filter(entry -> entry.getKey().endsWith("-router"))
                .findFirst().filter(entry -> entry.getValue().cores() > 0)
                .map(entry -> String.format(Locale.ROOT, "; %s events per router CPU-second (%.2f cores)",
                        number(router.eventsPerSecond() / entry.getValue().cores()), entry.getValue().cores()))
                .orElse("");
        row(id, what, String.format("**%s events/s** (%s deliveries/s, fan-out %.2f%s)", number(router.eventsPerSecond()),
                        number(router.deliveriesPerSecond()), router.meanFanOut(), perCpuSecond),
                String.format("%.2f of target", router.eventsPerSecond() / ROUTER_MIN_EVENTS),
                "≥ 20,000 events/s", router.eventsPerSecond() >= ROUTER_MIN_EVENTS ? "met"
                        : "**missed** " + shortfall(router.eventsPerSecond(), ROUTER_MIN_EVENTS));
        EndToEnd.Latency latency = router.paced();
        row(id + "b", String.format("Router's share of latency: event sent to deliveries visible (read_committed), at %s events/s",
                        number(EndToEnd.PACED_EVENTS_PER_SECOND)),
                String.format("p50 **%d ms**, p99 **%d ms**, max %d ms (%s deliveries)", latency.p50(), latency.p99(),
                        latency.max(), number(latency.count())),
                "", "p99 ≤ 100 ms", latency.p99() <= ROUTER_P99_MAX_MILLIS ? "met"
                        : String.format("**missed** by %d ms", latency.p99() - ROUTER_P99_MAX_MILLIS));
    }

    private void row(String number, String figure, String result, String ratio, String target, String verdict) {
        lines.add(String.format("| %s | %s | %s | %s | %s | %s |", number, figure, result, ratio, target, verdict));
    }

    private static String joined(String... parts) {
        return java.util.Arrays.stream(parts).filter(part -> !part.isEmpty()).collect(Collectors.joining("; "));
    }

    private static String ratio(double value, Optional<Double> reference, String name) {
        return reference.map(r -> String.format(Locale.ROOT, "%.2f of %s", value / r, name)).orElse("");
    }

    private static String times(double value, Optional<Double> reference, String name) {
        return reference.map(r -> String.format(Locale.ROOT, "%.1f× %s", value / r, name)).orElse("");
    }

    private static String shortfall(double value, double target) {
        return String.format(Locale.ROOT, "%.0f%% short", (1 - value / target) * 100);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
