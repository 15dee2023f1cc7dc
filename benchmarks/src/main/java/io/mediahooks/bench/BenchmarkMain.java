package io.mediahooks.bench;

import io.mediahooks.bench.micro.MicroBenchmarks;
import io.mediahooks.bench.profile.JfrSummary;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.bench.report.Report;
import io.mediahooks.bench.report.Results;
import io.mediahooks.bench.scenario.Burst;
import io.mediahooks.bench.scenario.Ceiling;
import io.mediahooks.bench.scenario.EndToEnd;
import io.mediahooks.bench.scenario.NaiveBaseline;
import io.mediahooks.bench.scenario.RouterAlone;
import io.mediahooks.bench.scenario.WorkerAlone;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.MediaEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar [--quick] [--only ...]}: runs the suite of
 * issue 6 on this machine (embedded broker, the real router and worker jars as child processes,
 * a loopback receiver), printing progress, then the table of results, which it also writes to
 * {@code results.md} in the run directory. Benchmarks, not tests: nothing here asserts a time.
 */
public final class BenchmarkMain {

    private static final String LOGBACK_CONFIG = "io/mediahooks/bench/bench-logback.xml";

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        // Before the first logger: the broker's and services' jars on the class path bring their own configs.
        System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, defaultRepository());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Machine machine = Machine.describe();
        Progress.say("mediahooks benchmarks%s: %s", options.quick() ? " (quick)" : "", machine.summary());
        Results results = new Results();
        Instant started = Instant.now();
        Recording harnessRecording = options.jfr() ? startHarnessRecording() : null;
        List<String> failures = new ArrayList<>();
        Bench bench = new Bench(options);
        try {
            if (options.runs(BenchOptions.Scenario.MICRO)) {
                results.micro = attempt("micro", failures, () -> MicroBenchmarks.run(options.quick()), List.of());
            }
            if (options.runs(BenchOptions.Scenario.CEILING)) {
                results.ceiling = attempt("ceiling", failures, () -> ceiling(bench), List.of());
            }
            if (options.runs(BenchOptions.Scenario.NAIVE)) {
                results.naive = attempt("naive", failures, () -> NaiveBaseline.run(bench), null);
            }
            if (options.runs(BenchOptions.Scenario.WORKER)) {
                results.worker = attempt("worker", failures, () -> WorkerAlone.run(bench), null);
            }
            if (options.runs(BenchOptions.Scenario.ROUTER)) {
                results.router = attempt("router", failures, () -> RouterAlone.run(bench), null);
            }
            if (options.runs(BenchOptions.Scenario.E2E)) {
                results.endToEnd = attempt("e2e", failures, () -> EndToEnd.run(bench, false), null);
            }
            if (options.runs(BenchOptions.Scenario.ISOLATION)) {
                results.isolation = attempt("isolation", failures, () -> EndToEnd.run(bench, true), null);
            }
            if (options.runs(BenchOptions.Scenario.BURST)) {
                results.burst = attempt("burst", failures, () -> Burst.run(bench), null);
            }
            Progress.say("stopping the broker");
            bench.close();
            if (harnessRecording != null) {
                harnessRecording.dump(bench.jfrFile("harness"));
                harnessRecording.close();
                results.profiles.addAll(profiles(bench, results));
            }
            Machine after = Machine.describe();
            List<String> header = header(options, machine, after, Duration.between(started, Instant.now()), failures);
            List<String> report = Report.render(results, header);
            Path file = bench.runDir().resolve("results.md");
            Files.write(file, report, StandardCharsets.UTF_8);
            System.out.println();
            report.forEach(System.out::println);
            Progress.say("written to %s", file);
        } finally {
            bench.close();
        }
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    private static List<Ceiling.Run> ceiling(Bench bench) {
        Workload workload = bench.workload(false);
        EventSource events = new EventSource("evt_ceiling_", bench.seed(), Workload.ORGANIZATIONS);
        MediaEvent event = events.next(Instant.now());
        while (workload.fanOut(event) == 0) {
            event = events.next(Instant.now());
        }
        byte[] body = workload.deliveries(event, Instant.now()).get(0).bodyBytes();
        Ceiling ceiling = new Ceiling(bench.receiver(), Endpoints.answeringUrls(bench.receiver()),
                bench.httpWorkerConfig(), body);
        List<Ceiling.Run> runs = ceiling.sweep(bench.options().quick() ? List.of(16) : List.of(1, 4, 16),
                Duration.ofSeconds(bench.options().size(3, 2)), Duration.ofSeconds(bench.options().size(8, 3)));
        runs.stream().max(java.util.Comparator.comparingDouble(Ceiling.Run::perSecond)).ifPresent(best ->
                bench.profiled("ceiling (" + best.perEndpoint() + " per endpoint)", best.from(), best.to(), List.of("harness")));
        return runs;
    }

    private static <T> T attempt(String scenario, List<String> failures, Supplier<T> run, T fallback) {
        try {
            return run.get();
        } catch (RuntimeException e) {
            Progress.say("%s FAILED: %s", scenario, e);
            e.printStackTrace(System.out);
            failures.add(scenario + ": " + e.getMessage());
            return fallback;
        }
    }

    private static Recording startHarnessRecording() throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("default"));
        recording.setName("harness");
        recording.start();
        return recording;
    }

    private static List<String> profiles(Bench bench, Results results) {
        List<String> lines = new ArrayList<>();
        for (Bench.Profiled window : bench.profiledWindows()) {
            lines.add("== " + window.window() + " (" + Duration.between(window.from(), window.to()).toSeconds() + " s)");
            for (String process : window.processes()) {
                Path file = bench.jfrFile(process);
                if (Files.exists(file)) {
                    JfrSummary summary = JfrSummary.of(process, file, window.from(), window.to());
                    results.recordings.computeIfAbsent(window.window(), any -> new java.util.LinkedHashMap<>()).put(process, summary);
                    lines.addAll(summary.lines());
                } else {
                    lines.add(process + ": no recording at " + file);
                }
            }
        }
        return lines;
    }

    private static List<String> header(BenchOptions options, Machine before, Machine after, Duration took, List<String> failures) {
        List<String> header = new ArrayList<>();
        header.add("## Results" + (options.quick() ? " (--quick: smaller runs, for smoke tests only)" : ""));
        header.add("");
        header.add("- Machine: " + before.summary());
        header.add("- Load average (1, 5, 15 min): " + before.loadAverage() + " before, " + after.loadAverage() + " after; "
                + before.mavenBuilds() + " Maven builds running at the start, " + after.mavenBuilds() + " at the end");
        header.add(String.format("- Run took %d s; workers: %d; JFR: %s; worker settings changed from the defaults: %s",
                took.toSeconds(), options.workers(), options.jfr() ? "on (settings=default) in every JVM" : "off",
                options.workerEnvironment().isEmpty() ? "none" : options.workerEnvironment()));
        if (!failures.isEmpty()) {
            header.add("- FAILED: " + String.join("; ", failures));
        }
        header.add("");
        return header;
    }

    /** The repository this jar was built in: benchmarks/target/benchmarks.jar is three levels below it. */
    private static Path defaultRepository() {
        try {
            Path location = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = location.getParent().getParent().getParent();
            if (Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Fall back to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }
}
