package io.mediahooks.reliability.input;

import io.mediahooks.bench.cluster.BrokerProcess;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.router.RouterConfig;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One scenario's broker and services, each its own JVM started from the packaged jars, with every
 * log in the scenario's directory and every data store (Kafka's log directory, RocksDB) under its
 * {@code data/} directory, which holds a {@link #DATA_MARKER} so that the scan for secrets knows it
 * for stored data, not a log.
 */
public final class ScenarioCluster implements AutoCloseable {

    /** A file in the root of a directory of stored data (not logs). */
    public static final String DATA_MARKER = ".data-store";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final SuiteContext context;
    private final String scenario;
    private final Path dir;
    private final BrokerProcess broker;
    private final KafkaSide kafka;
    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());

    private ScenarioCluster(SuiteContext context, String scenario, Path dir, BrokerProcess broker) {
        this.context = context;
        this.scenario = scenario;
        this.dir = dir;
        this.broker = broker;
        this.kafka = new KafkaSide(broker.bootstrapServers(), scenario + "-");
    }

    /** Empties the scenario's directory (logs of an earlier run) and starts its broker. */
    public static ScenarioCluster start(SuiteContext context, String scenario) {
        Path dir = context.scenarioDir(scenario);
        clear(dir);
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(data);
            Files.writeString(data.resolve(DATA_MARKER), "Kafka's and the services' stored data, not logs\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + data, e);
        }
        BrokerProcess broker = BrokerProcess.start(data.resolve("kafka"), dir.resolve("broker.log"), "512m",
                Duration.ofSeconds(90), List.of());
        return new ScenarioCluster(context, scenario, dir, broker);
    }

    public KafkaSide kafka() {
        return kafka;
    }

    public Path dir() {
        return dir;
    }

    /** The router, ready; {@code extra} adds to or overrides the environment. */
    public ServiceProcess router(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(kafka.serviceEnvironment());
        env.put(RouterConfig.APPLICATION_ID.key(), scenario + "-router");
        env.put(RouterConfig.STATE_DIR.key(), dir.resolve("data/router-state").toString());
        env.putAll(extra);
        return start(scenario + "-router", context.routerJar(), "384m", env);
    }

    /** A worker, ready. */
    public ServiceProcess worker(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(kafka.serviceEnvironment());
        env.put(WorkerConfig.GROUP_ID.key(), scenario + "-workers");
        env.putAll(extra);
        return start(scenario + "-worker", context.workerJar(), "256m", env);
    }

    /** The management API on a free port (read from its log), ready. */
    public ServiceProcess api(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(kafka.serviceEnvironment());
        env.put("MEDIAHOOKS_API_PORT", "0");
        env.put("MEDIAHOOKS_API_STATE_DIR", dir.resolve("data/api-state").toString());
        env.put("MEDIAHOOKS_API_APPLICATION_ID", scenario + "-api");
        env.putAll(extra);
        return start(scenario + "-api", context.apiJar(), "256m", env);
    }

    private ServiceProcess start(String name, Path jar, String heap, Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (reliability/run.sh does)");
        }
        ServiceProcess service = ServiceProcess.start(name, jar, List.of("-Xmx" + heap), env, dir.resolve(name + ".log"),
                READY_TIMEOUT);
        services.add(service);
        return service;
    }

    /**
     * Starts the given services side by side (each JVM's start-up is mostly waiting for Kafka) and
     * returns them, ready, in the same order.
     */
    @SafeVarargs
    public final List<ServiceProcess> together(Supplier<ServiceProcess>... starts) {
        List<CompletableFuture<ServiceProcess>> started = new ArrayList<>();
        for (Supplier<ServiceProcess> start : starts) {
            started.add(CompletableFuture.supplyAsync(start));
        }
        List<ServiceProcess> ready = new ArrayList<>();
        for (CompletableFuture<ServiceProcess> future : started) {
            try {
                ready.add(future.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        return ready;
    }

    /** Stops the services, newest first, then the broker. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        kafka.close();
        broker.close();
    }

    private static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(dir)).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + dir, e);
        }
    }
}
