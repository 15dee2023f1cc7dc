package io.mediahooks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code reliability/run.sh}: runs the scenarios one after the other, each within its budget, and
 * writes the results table to {@code outputDir/results.md} and, for a full run of every scenario,
 * into {@code RELIABILITY.md}. Exits 1 when any verdict failed, 2 on bad arguments.
 */
public final class ReliabilityMain {

    static final String USAGE = "usage: java -jar reliability/target/reliability.jar [--quick] [--only a,b] [--repo DIR] [--out DIR]";

    private ReliabilityMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Before the first logger: the services' jars on the class path bring their own configs
        // (INFO), and the harness's Kafka clients warn at every broker restart of a scenario.
        System.setProperty("logback.configurationFile", "io/mediahooks/bench/bench-logback.xml");
        boolean quick = false;
        Set<String> only = new LinkedHashSet<>();
        Path repository = Path.of("").toAbsolutePath();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only.addAll(Arrays.asList(value(args, ++i, "--only").split(",")));
                case "--repo" -> repository = Path.of(value(args, ++i, "--repo")).toAbsolutePath();
                case "--out" -> out = Path.of(value(args, ++i, "--out")).toAbsolutePath();
                default -> usage("unknown argument " + args[i]);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>(only);
        for (Scenario scenario : Scenarios.all()) {
            // Not only.remove(): once the last named one is found, an empty set would take every scenario after it.
            if (only.isEmpty() || only.contains(scenario.name())) {
                scenarios.add(scenario);
                unknown.remove(scenario.name());
            }
        }
        if (!unknown.isEmpty()) {
            usage("no scenario named " + String.join(", ", unknown) + "; there are "
                    + String.join(", ", Scenarios.all().stream().map(Scenario::name).toList()));
        }
        Path outputDir = out != null ? out : repository.resolve("reliability/target/reliability-run");
        Files.createDirectories(outputDir);
        SuiteContext context = new SuiteContext(quick, repository,
                repository.resolve("event-router/target/event-router.jar"),
                repository.resolve("delivery-worker/target/delivery-worker.jar"),
                repository.resolve("management-api/target/management-api.jar"), outputDir, new SecretsUsed());
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(runOne(scenario, context));
            ResultsTable.write(results, context, outputDir.resolve("results.md"));
        }
        if (!quick && scenarios.size() == Scenarios.all().size()) {
            ResultsTable.replaceIn(repository.resolve("RELIABILITY.md"), ResultsTable.render(results, context));
        }
        boolean passed = results.stream().allMatch(ScenarioResult::passed);
        System.out.println((passed ? "All verdicts hold" : "VERDICTS FAILED") + "; results in " + outputDir.resolve("results.md"));
        System.exit(passed ? 0 : 1);
    }

    /** Runs one scenario on a thread of its own, so that one over its budget is cut off and reported, not waited for. */
    private static ScenarioResult runOne(Scenario scenario, SuiteContext context) throws InterruptedException, IOException {
        Files.createDirectories(context.scenarioDir(scenario.name()));
        Duration budget = scenario.budget(context);
        System.out.println("[" + Instant.now() + "] " + scenario.name() + ": starting (budget " + budget.toMinutes() + " min)");
        Instant start = Instant.now();
        ExecutorService runner = Executors.newSingleThreadExecutor(task -> new Thread(task, "scenario-" + scenario.name()));
        Future<ScenarioResult> future = runner.submit(() -> scenario.run(context));
        ScenarioResult result;
        try {
            result = future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            result = ScenarioResult.failed(scenario.name(), "ran over its budget of " + budget.toMinutes() + " min",
                    Duration.between(start, Instant.now()));
        } catch (ExecutionException e) {
            result = ScenarioResult.failed(scenario.name(), "failed: " + e.getCause(), Duration.between(start, Instant.now()));
        } finally {
            runner.shutdownNow();
        }
        System.out.println("[" + Instant.now() + "] " + scenario.name() + ": " + (result.passed() ? "PASSED" : "FAILED")
                + " - " + result.verdict() + " " + result.counted());
        return result;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("reliability: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }
}
