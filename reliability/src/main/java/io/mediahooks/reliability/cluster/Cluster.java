package io.mediahooks.reliability.cluster;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.cluster.BrokerProcess;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.Pause;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.router.RouterConfig;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * One scenario's whole deployment on this machine: a broker in a JVM of its own (which can be
 * stopped and started again on the same port and data), the scenario's topics, the router and the
 * workers run from their jars as separate processes ({@link Service}). Every process logs under
 * the scenario's directory. Used from the scenario's thread.
 */
public final class Cluster implements AutoCloseable {

    private static final String BROKER_HEAP = "1g";
    private static final List<String> ROUTER_JVM = List.of("-Xmx512m");
    private static final List<String> WORKER_JVM = List.of("-Xmx256m");
    private static final Duration BROKER_START = Duration.ofSeconds(90);

    /**
     * How a scenario's services are set up.
     *
     * @param workers           how many workers
     * @param schedule          {@code MEDIAHOOKS_RETRY_SCHEDULE} of every service
     * @param sessionTimeout    the group session timeout of the router and the workers: how soon the
     *                          partitions of a killed or frozen member move to the others
     * @param staticMembership  whether each worker has a {@code group.instance.id} of its own (its name)
     * @param workerEnvironment more worker settings, on top of the cluster's
     */
    public record Settings(int workers, RetrySchedule schedule, Duration sessionTimeout, boolean staticMembership,
                           Map<String, String> workerEnvironment) {

        public Settings {
            workerEnvironment = Map.copyOf(workerEnvironment);
        }
    }

    private final Path dir;
    private final Path dataDir;
    private final Settings settings;
    private final String workerGroup;
    private BrokerProcess broker;
    private int brokerStarts = 1;
    private final KafkaSide kafka;
    private final Service router;
    private final List<Service> workers = new ArrayList<>();

    private Cluster(Path dir, String name, Settings settings, BrokerProcess broker, SuiteContext context) {
        this.dir = dir;
        this.dataDir = dir.resolve("kafka-data");
        this.settings = settings;
        this.workerGroup = name + "-workers";
        this.broker = broker;
        this.kafka = new KafkaSide(broker.bootstrapServers(), name + "-");
        kafka.provision(settings.schedule());
        Map<String, String> common = new HashMap<>(kafka.serviceEnvironment());
        common.put(CommonConfig.RETRY_SCHEDULE.key(), settings.schedule().toString());
        common.put(kafkaVariable("session.timeout.ms"), Long.toString(settings.sessionTimeout().toMillis()));
        // The client's default (3 s) unless the session is shorter: members learn of a rebalance through their heartbeats.
        common.put(kafkaVariable("heartbeat.interval.ms"), Long.toString(Math.min(3_000, settings.sessionTimeout().toMillis() / 3)));
        // The receiver is plain http on loopback: the router (which rejects webhooks whose URL it refuses) and the workers allow it.
        common.putAll(Bench.loopbackHttpEnvironment());
        Map<String, String> routerEnvironment = new HashMap<>(common);
        routerEnvironment.put(RouterConfig.APPLICATION_ID.key(), name + "-router");
        routerEnvironment.put(RouterConfig.STATE_DIR.key(), dir.resolve("router-state").toString());
        this.router = new Service("router", context.routerJar(), ROUTER_JVM, routerEnvironment, dir);
        for (int i = 1; i <= settings.workers(); i++) {
            String worker = "worker-" + i;
            Map<String, String> environment = new HashMap<>(common);
            environment.put(WorkerConfig.GROUP_ID.key(), workerGroup);
            environment.putAll(settings.workerEnvironment());
            if (settings.staticMembership()) {
                environment.put(kafkaVariable("group.instance.id"), worker);
            }
            workers.add(new Service(worker, context.workerJar(), WORKER_JVM, environment, dir));
        }
    }

    /** Starts the broker and creates the scenario's topics (named {@code <name>-...}); the services are started by {@link #startServices()}. */
    public static Cluster start(SuiteContext context, String name, Settings settings) {
        Path dir = context.scenarioDir(name);
        // A run before this one left its broker data and router state: its event ids would count as seen.
        emptyDirectory(dir);
        BrokerProcess broker = BrokerProcess.start(dir.resolve("kafka-data"), dir.resolve("broker.1.log"), BROKER_HEAP,
                BROKER_START, List.of());
        try {
            return new Cluster(dir, name, settings, broker, context);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    private static void emptyDirectory(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(dir)).toList()) {
                Files.delete(path);
            }
        } catch (NoSuchFileException e) {
            // Nothing to empty.
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + dir, e);
        }
    }

    /** {@code MEDIAHOOKS_KAFKA_SESSION_TIMEOUT_MS} for {@code session.timeout.ms}: a Kafka client property a service passes on. */
    public static String kafkaVariable(String property) {
        return Environment.KAFKA_PASSTHROUGH_PREFIX + property.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** Starts the router and every worker side by side, and waits until each is ready. */
    public void startServices() {
        List<Service> all = new ArrayList<>(workers);
        all.add(0, router);
        // A thread each: the common pool has one thread on two cores, which would start them one by one.
        ExecutorService starters = Executors.newFixedThreadPool(all.size());
        try {
            List<CompletableFuture<Void>> started = all.stream()
                    .map(service -> CompletableFuture.runAsync(service::start, starters)).toList();
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("a service did not start: " + e.getCause().getMessage(), e.getCause());
        } finally {
            starters.shutdown();
        }
    }

    public KafkaSide kafka() {
        return kafka;
    }

    public Service router() {
        return router;
    }

    /** Worker {@code number}, counting from 1. */
    public Service worker(int number) {
        return workers.get(number - 1);
    }

    public List<Service> workers() {
        return List.copyOf(workers);
    }

    public String workerGroup() {
        return workerGroup;
    }

    public Settings settings() {
        return settings;
    }

    /** The scenario's directory: logs, broker data, router state. */
    public Path dir() {
        return dir;
    }

    /** Stops the broker (SIGTERM: a clean shutdown), leaves it down for {@code down}, and starts it again on the same port and data. */
    public void restartBroker(Duration down) {
        broker.close();
        Pause.millis(down.toMillis());
        brokerStarts++;
        broker = BrokerProcess.start(dataDir, dir.resolve("broker." + brokerStarts + ".log"), BROKER_HEAP, BROKER_START,
                List.of(), broker.port());
    }

    /** The workers' consumer group as the broker describes it now. */
    public GroupView workerGroupView() {
        int partitions = KafkaSide.PARTITIONS * (1 + settings.schedule().distinctDelays().size());
        try {
            ConsumerGroupDescription group = kafka.admin().describeConsumerGroups(List.of(workerGroup)).all()
                    .get(10, TimeUnit.SECONDS).get(workerGroup);
            int assigned = group.members().stream().mapToInt(member -> member.assignment().topicPartitions().size()).sum();
            return new GroupView(group.groupState() == GroupState.STABLE, group.members().size(), assigned, partitions,
                    group.groupState().toString());
        } catch (ExecutionException | TimeoutException e) {
            return new GroupView(false, 0, 0, partitions, "not described: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the workers' group", e);
        }
    }

    /**
     * The workers' group at one moment.
     *
     * @param stable     no rebalance under way
     * @param members    members in the group
     * @param assigned   partitions of the delivery and retry topics assigned to them
     * @param partitions partitions of the delivery and retry topics in all
     */
    public record GroupView(boolean stable, int members, int assigned, int partitions, String state) {

        /** Stable with exactly {@code expectedMembers} members that own every partition between them. */
        public boolean settledWith(int expectedMembers) {
            return stable && members == expectedMembers && assigned == partitions;
        }

        @Override
        public String toString() {
            return state + ", " + members + " members, " + assigned + " of " + partitions + " partitions assigned";
        }
    }

    /**
     * Starts again every service whose process exited without being told to, as an orchestrator
     * would restart a crashed pod.
     *
     * @return one line per service started again, naming its exit code
     */
    public List<String> reviveExited() {
        List<String> revived = new ArrayList<>();
        List<Service> all = new ArrayList<>(workers);
        all.add(0, router);
        for (Service service : all) {
            OptionalInt exitCode = service.reviveIfExited();
            if (exitCode.isPresent()) {
                revived.add(service.name() + " exited by itself (code " + exitCode.getAsInt() + ") and was started again");
            }
        }
        return revived;
    }

    /** Times services exited by themselves and were started again. */
    public int revivedCount() {
        return router.revived() + workers.stream().mapToInt(Service::revived).sum();
    }

    @Override
    public void close() {
        workers.forEach(Service::close);
        router.close();
        kafka.close();
        broker.close();
    }
}
