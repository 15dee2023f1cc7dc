package io.mediahooks.bench;

import io.mediahooks.bench.cluster.BrokerProcess;
import io.mediahooks.bench.cluster.ChildProcess;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.receiver.LoopbackReceiver;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.router.RouterConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.SecretsConfig;
import io.mediahooks.runtime.UrlPolicyConfig;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scenarios share: the options, the receiver, the broker (started on first use), where
 * logs and recordings go, how to start the router and the workers, and the profiled windows.
 */
public final class Bench implements AutoCloseable {

    /** The worker heap the target allows, set as its limit: a run that fits proves the target. */
    public static final String WORKER_HEAP = "256m";
    static final String ROUTER_HEAP = "512m";
    static final String BROKER_HEAP = "1g";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final long SEED = 20261127L;

    private final BenchOptions options;
    private final LoopbackReceiver receiver;
    private final Path runDir;
    private final List<Profiled> profiled = new ArrayList<>();
    private BrokerProcess broker;

    Bench(BenchOptions options) {
        this.options = options;
        this.runDir = options.outputDir();
        deleteRecursively(runDir);
        createDirectories(runDir.resolve("jfr"));
        this.receiver = LoopbackReceiver.start(Endpoints.specs(), WorkerConfig.SIGNATURE_HEADER.defaultValue().orElseThrow());
    }

    public BenchOptions options() {
        return options;
    }

    public LoopbackReceiver receiver() {
        return receiver;
    }

    public Path runDir() {
        return runDir;
    }

    /** The workload, its webhooks pointing at the receiver; with {@code tenthHangs} a tenth point at hanging endpoints. */
    public Workload workload(boolean tenthHangs) {
        return Workload.create(SEED, Endpoints.baseUrls(receiver, tenthHangs));
    }

    public long seed() {
        return SEED;
    }

    /** The broker, started on first use and kept for the whole suite. */
    public BrokerProcess broker() {
        if (broker == null) {
            Progress.say("starting the embedded Kafka broker (its own JVM, -Xmx%s)", BROKER_HEAP);
            broker = BrokerProcess.start(runDir.resolve("kafka-data"), runDir.resolve("broker.log"), BROKER_HEAP,
                    Duration.ofSeconds(60), jfrOptions("broker"));
            Progress.say("broker ready at %s", broker.bootstrapServers());
        }
        return broker;
    }

    /** A scenario's own topics on the broker. */
    public KafkaSide kafka(String scenario) {
        return new KafkaSide(broker().bootstrapServers(), scenario + "-");
    }

    /** What a worker of {@code scenario} is configured with (the ceiling builds its client from the same). */
    public Map<String, String> workerEnvironment(KafkaSide kafka, String scenario) {
        Map<String, String> env = new HashMap<>(kafka.serviceEnvironment());
        env.put(WorkerConfig.GROUP_ID.key(), scenario + "-workers");
        env.putAll(loopbackHttpEnvironment());
        env.putAll(options.workerEnvironment());
        return env;
    }

    /**
     * The only URL settings the benchmark changes from the defaults: plain http to loopback, as for
     * local development (the receiver is on this machine). The router and the workers both get them:
     * each rejects webhooks whose URL its policy refuses.
     */
    public static Map<String, String> loopbackHttpEnvironment() {
        return UrlPolicyConfig.localDevelopment();
    }

    /**
     * The worker settings the ceiling builds its HTTP client from: the workers' own, less Kafka (and
     * so with a throwaway key ring: the ceiling signs nothing, but a worker's settings need one).
     */
    public WorkerConfig httpWorkerConfig() {
        Map<String, String> env = new HashMap<>(loopbackHttpEnvironment());
        env.putAll(SecretsConfig.variables("ceiling:" + SecretsKeyRing.generateKey()));
        env.putAll(options.workerEnvironment());
        return WorkerConfig.from(new Environment(env));
    }

    public ServiceProcess startRouter(KafkaSide kafka, String scenario) {
        return startRouter(kafka, scenario, options.routerJar());
    }

    /** The router of {@code jar} (this build's, or a baseline to compare with), ready. */
    public ServiceProcess startRouter(KafkaSide kafka, String scenario, Path jar) {
        Map<String, String> env = new HashMap<>(kafka.serviceEnvironment());
        env.put(RouterConfig.APPLICATION_ID.key(), scenario + "-router");
        env.put(RouterConfig.STATE_DIR.key(), runDir.resolve(scenario + "-router-state").toString());
        env.putAll(loopbackHttpEnvironment());
        env.putAll(options.routerEnvironment());
        String name = scenario + "-router";
        List<String> jvm = new ArrayList<>(List.of("-Xmx" + ROUTER_HEAP));
        jvm.addAll(jfrOptions(name));
        ServiceProcess router = ServiceProcess.start(name, requireJar(jar), jvm, env,
                runDir.resolve(name + ".log"), READY_TIMEOUT);
        Progress.say("%s ready (pid %d, -Xmx%s, exactly-once)", name, router.process().pid(), ROUTER_HEAP);
        return router;
    }

    public List<ServiceProcess> startWorkers(Map<String, String> environment, String scenario, int count) {
        List<ServiceProcess> workers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = scenario + "-worker-" + i;
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + WORKER_HEAP));
            jvm.addAll(jfrOptions(name));
            workers.add(ServiceProcess.start(name, requireJar(options.workerJar()), jvm, environment,
                    runDir.resolve(name + ".log"), READY_TIMEOUT));
            Progress.say("%s ready (pid %d, -Xmx%s)", name, workers.get(i - 1).process().pid(), WORKER_HEAP);
        }
        return workers;
    }

    private static Path requireJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (mvn -B -q -pl benchmarks -am package -DskipTests)");
        }
        return jar;
    }

    /** The flight recorder options of a child JVM, or none with {@code --no-jfr}. */
    public List<String> jfrOptions(String name) {
        if (!options.jfr()) {
            return List.of();
        }
        return List.of("-XX:StartFlightRecording=settings=default,dumponexit=true,filename=" + jfrFile(name));
    }

    public Path jfrFile(String name) {
        return runDir.resolve("jfr").resolve(name + ".jfr");
    }

    /** Notes a measurement window whose profile the report summarizes, per process. */
    public void profiled(String window, Instant from, Instant to, List<String> processes) {
        profiled.add(new Profiled(window, from, to, List.copyOf(processes)));
    }

    public List<Profiled> profiledWindows() {
        return List.copyOf(profiled);
    }

    /** A measurement window and the processes (by JFR file name) that ran in it. */
    public record Profiled(String window, Instant from, Instant to, List<String> processes) {
    }

    /** Stops the services of a scenario, so their recordings are written. */
    public static void stopAll(List<ServiceProcess> services) {
        services.forEach(ServiceProcess::close);
    }

    /** Stops the broker and deletes its data (about 5 GB after a full run; logs and recordings stay). */
    @Override
    public void close() {
        if (broker != null) {
            broker.close();
            deleteRecursively(runDir.resolve("kafka-data"));
        }
        receiver.close();
    }

    public ChildProcess brokerProcess() {
        return broker == null ? null : broker.process();
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir, e);
        }
    }
}
