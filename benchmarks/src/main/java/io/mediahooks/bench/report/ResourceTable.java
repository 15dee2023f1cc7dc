package io.mediahooks.bench.report;

import io.mediahooks.bench.cluster.ResourceMonitor;
import io.mediahooks.bench.profile.JfrSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's table of what each process cost in each measured window: CPU (and the part the
 * JIT's compiler threads took) and resident memory from /proc, heap and GC from the recordings.
 */
final class ResourceTable {

    static final double MIB = 1024.0 * 1024.0;
    /** The end-to-end window, whose worker row the report's heap figure (row 7) also reads. */
    static final String E2E_WINDOW = "e2e full rate";

    private ResourceTable() {
    }

    static List<String> render(Results results) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("### CPU and memory per process in each measured window");
        lines.add("");
        lines.add("CPU and RSS from /proc (of which JIT: the CPU of the C1/C2 compiler threads, near 0 once a JVM is warm); heap and GC from each JVM's flight recording (jdk.GCHeapSummary, jdk.GarbageCollection).");
        lines.add("");
        lines.add("| Window | Process | CPU (cores of 2) | of which JIT | Peak RSS | Heap peak | Live after GC | GC pauses |");
        lines.add("|---|---|---|---|---|---|---|---|");
        if (results.naive != null) {
            usageRows(lines, results, "naive", results.naive.usage());
        }
        if (results.worker != null) {
            usageRows(lines, results, "worker alone", results.worker.usage());
        }
        if (results.routerBaseline != null) {
            usageRows(lines, results, "router-baseline alone", results.routerBaseline.usage());
        }
        if (results.router != null) {
            usageRows(lines, results, "router alone", results.router.usage());
        }
        if (results.endToEnd != null) {
            usageRows(lines, results, E2E_WINDOW, results.endToEnd.full().usage());
        }
        if (results.isolation != null) {
            usageRows(lines, results, "isolation full rate", results.isolation.full().usage());
            results.isolation.steady().ifPresent(steady -> usageRows(lines, results, "isolation steady", steady.usage()));
        }
        return lines;
    }

    private static void usageRows(List<String> lines, Results results, String window, Map<String, ResourceMonitor.Usage> usage) {
        if (usage.isEmpty()) {
            lines.add("| " + window + " | (the run stalled before its window opened) | | | | | | |");
            return;
        }
        double total = usage.values().stream().mapToDouble(ResourceMonitor.Usage::cores).sum();
        usage.forEach((process, use) -> {
            Optional<JfrSummary> recording = results.recording(window, process);
            lines.add(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.0f MiB | %s | %s | %s |", window, process, use.cores(),
                    use.jitCores(), use.peakResidentBytes() / MIB,
                    recording.map(r -> String.format(Locale.ROOT, "%.0f MiB", r.heap().peakUsed() / MIB)).orElse(""),
                    recording.map(r -> String.format(Locale.ROOT, "%.0f MiB", r.heap().maxLive() / MIB)).orElse(""),
                    recording.map(r -> String.format(Locale.ROOT, "%.2f s", r.gcPauses().toMillis() / 1000.0)).orElse("")));
        });
        double jit = usage.values().stream().mapToDouble(ResourceMonitor.Usage::jitCores).sum();
        lines.add(String.format(Locale.ROOT, "| %s | **all** | **%.2f** | %.2f | | | | |", window, total, jit));
    }
}
