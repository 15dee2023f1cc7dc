package io.mediahooks.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The command line of the benchmarks, and the sizes of every run (the full suite takes about six
 * minutes on two cores; {@code --quick} about two, for a smoke run).
 *
 * @param scenarios which scenarios run, in the suite's order
 * @param workers   worker processes in the end-to-end runs
 * @param jfr       whether every JVM records a flight recording (the profiles of the report)
 * @param workerEnvironment settings given to every worker on top of the benchmark's, to try a tuning
 *                  ({@code --worker-env MEDIAHOOKS_ENDPOINT_QUEUE_LIMIT=32})
 */
public record BenchOptions(boolean quick, Set<Scenario> scenarios, int workers, boolean jfr, Path repository,
                           Path routerJar, Path workerJar, Path outputDir, Map<String, String> workerEnvironment) {

    public static final String USAGE = """
            usage: java -jar benchmarks/target/benchmarks.jar [--quick] [--only micro,ceiling,naive,router,worker,e2e,isolation,burst]
                   [--workers N] [--worker-env KEY=VALUE]... [--no-jfr] [--repo DIR] [--router-jar JAR] [--worker-jar JAR]
                   [--out DIR]""";

    /** The scenarios of the suite, in the order they run. */
    public enum Scenario { MICRO, CEILING, NAIVE, ROUTER, WORKER, E2E, ISOLATION, BURST }

    public static BenchOptions parse(String[] args, Path defaultRepository) {
        boolean quick = false;
        Set<Scenario> scenarios = new LinkedHashSet<>(Arrays.asList(Scenario.values()));
        int workers = 1;
        boolean jfr = true;
        Path repository = defaultRepository;
        Path routerJar = null;
        Path workerJar = null;
        Path out = null;
        Map<String, String> workerEnvironment = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--quick" -> quick = true;
                case "--no-jfr" -> jfr = false;
                case "--only" -> scenarios = scenarios(value(args, ++i, flag));
                case "--workers" -> workers = Integer.parseInt(value(args, ++i, flag));
                case "--repo" -> repository = Path.of(value(args, ++i, flag));
                case "--router-jar" -> routerJar = Path.of(value(args, ++i, flag));
                case "--worker-jar" -> workerJar = Path.of(value(args, ++i, flag));
                case "--out" -> out = Path.of(value(args, ++i, flag));
                case "--worker-env" -> {
                    String setting = value(args, ++i, flag);
                    int equals = setting.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--worker-env takes KEY=VALUE, got " + setting);
                    }
                    workerEnvironment.put(setting.substring(0, equals), setting.substring(equals + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (workers < 1 || workers > 12) {
            throw new IllegalArgumentException("--workers must be 1 to 12");
        }
        repository = repository.toAbsolutePath().normalize();
        return new BenchOptions(quick, scenarios, workers, jfr, repository,
                routerJar != null ? routerJar : repository.resolve("event-router/target/event-router.jar"),
                workerJar != null ? workerJar : repository.resolve("delivery-worker/target/delivery-worker.jar"),
                out != null ? out : repository.resolve("benchmarks/target/bench-run"), Map.copyOf(workerEnvironment));
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException("missing value after " + flag);
        }
        return args[index];
    }

    private static Set<Scenario> scenarios(String list) {
        Set<Scenario> chosen = new LinkedHashSet<>();
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).map(String::toUpperCase).toList();
        for (Scenario scenario : Scenario.values()) {
            if (names.contains(scenario.name())) {
                chosen.add(scenario);
            }
        }
        if (chosen.size() != names.size()) {
            throw new IllegalArgumentException("unknown scenario in --only " + list + "; known: "
                    + Arrays.toString(Scenario.values()).toLowerCase());
        }
        return chosen;
    }

    public boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }

    /** {@code full} normally, {@code quick} with {@code --quick}. */
    public int size(int full, int quickSize) {
        return quick ? quickSize : full;
    }

    public boolean needsServices() {
        return runs(Scenario.ROUTER) || runs(Scenario.WORKER) || runs(Scenario.E2E) || runs(Scenario.ISOLATION)
                || runs(Scenario.BURST);
    }
}
