package io.mediahooks.cli.local;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.Flags;
import io.mediahooks.cli.listen.SignatureCheck;
import io.mediahooks.model.retry.Durations;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.runtime.Parsers;
import io.mediahooks.runtime.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks local}: the whole stack on this machine, with a demo, until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {
            "Run all of mediahooks on this machine, with a demo, until Ctrl-C.",
            "",
            "Kafka: an embedded single-node broker (KRaft), data in .mediahooks/kafka.",
            "A restart resumes where it stopped. With KAFKA_BOOTSTRAP_SERVERS set, that cluster is used and no"
                    + " broker is started.",
            "Services: the topics, the router, two delivery workers and the management API (child processes).",
            "Management API: http://localhost:8000 (console at /, docs at /docs) and an API key for org_demo, printed at"
                    + " start.",
            "Logs: .mediahooks/logs/ (router.log, worker-1.log, ..., local.log for the broker).",
            "The router, the workers and the API run with MEDIAHOOKS_ALLOW_HTTP=true and"
                    + " MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS=true, because the receiver is plain http on loopback.",
            "Secrets are encrypted at rest as in production: a key ring generated once into .mediahooks/secrets.keys"
                    + " (unless MEDIAHOOKS_SECRETS_KEYS or MEDIAHOOKS_SECRETS_KEYS_FILE is set) is given to every service.",
            "Receiver: the receiver of 'mediahooks listen' on 127.0.0.1, verifying both signatures of every request and"
                    + " printing one line each.",
            "Demo: organization org_demo with a secret and three webhooks: wh_demo (every event), wh_sports"
                    + " (has_tag sports) and wh_failing (always 503: retries, then a dead letter). A sample media"
                    + " event every few seconds, and a summary line (published, delivered, retrying, dead-lettered).",
            "",
            "Ctrl-C (or SIGTERM) stops everything within seconds."})
public final class LocalCommand implements Callable<Integer> {

    /** Set by the {@code mediahooks} script: the repository root, where the service jars are built. */
    static final String HOME_PROPERTY = "mediahooks.home";
    /** Enough for two workers to share the load, few enough for a laptop; MEDIAHOOKS_TOPIC_PARTITIONS overrides it. */
    static final int DEFAULT_PARTITIONS = 4;

    @Option(names = "--dir", paramLabel = "<dir>", defaultValue = ".mediahooks",
            description = "Where Kafka's data, the router's state and the logs are kept. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--kafka-port", paramLabel = "<port>", defaultValue = "9092",
            description = "Port of the embedded broker; a free one is used if it is taken. Default: ${DEFAULT-VALUE}.")
    int kafkaPort;

    @Option(names = "--retry-schedule", paramLabel = "<delays>", defaultValue = "2s,5s,10s",
            description = "The services' retry schedule for this run (short, so dead letters show soon). Default: ${DEFAULT-VALUE}.")
    String retrySchedule;

    @Option(names = "--workers", paramLabel = "<n>", defaultValue = "2", description = "Delivery workers to start. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--event-interval", paramLabel = "<duration>", defaultValue = "3s",
            description = "Time between two sample events. Default: ${DEFAULT-VALUE}.")
    String eventInterval;

    @Option(names = "--summary-interval", paramLabel = "<duration>", defaultValue = "10s",
            description = "Time between two summary lines. Default: ${DEFAULT-VALUE}.")
    String summaryInterval;

    @Option(names = "--router-jar", paramLabel = "<jar>",
            description = "The router's jar. Default: event-router/target/event-router.jar in the repository.")
    Path routerJar;

    @Option(names = "--api-port", paramLabel = "<port>", defaultValue = "8000",
            description = "Port of the management API and the console; a free one is used if it is taken. Default: ${DEFAULT-VALUE}.")
    int apiPort;

    @Option(names = "--api-jar", paramLabel = "<jar>",
            description = "The management API's jar. Default: management-api/target/management-api.jar in the repository.")
    Path apiJar;

    @Option(names = "--worker-jar", paramLabel = "<jar>",
            description = "The worker's jar. Default: delivery-worker/target/delivery-worker.jar in the repository.")
    Path workerJar;

    private final CliContext context;

    public LocalCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        LocalSettings settings = settings();
        ServiceLauncher launcher = new ServiceLauncher(settings.routerJar(), settings.workerJar(), settings.apiJar(), settings.layout(),
                Map.of());
        launcher.missingJars().ifPresent(missing -> {
            throw CliException.failure("not built yet: " + missing + "; run 'mvn -B package -DskipTests' at the repository root"
                    + " (./mediahooks local does it for you)");
        });
        settings.layout().create();
        LocalLogging.toFile(settings.layout().log("local"));
        LocalStack stack = new LocalStack(settings, context);
        Thread hook = new Thread(stack::close, "mediahooks-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stack.start();
        stack.awaitFailure();
        // Reached only when a service died on its own: Ctrl-C ends the JVM inside the hook.
        stack.close();
        return CliException.FAILURE;
    }

    private LocalSettings settings() {
        if (workers < 1 || workers > 8) {
            throw CliException.usage("--workers: expected 1 to 8, got " + workers);
        }
        if (apiPort < 1 || apiPort > 65_535) {
            throw CliException.usage("--api-port: expected 1 to 65535, got " + apiPort);
        }
        if (kafkaPort < 1 || kafkaPort > 65_535) {
            throw CliException.usage("--kafka-port: expected 1 to 65535, got " + kafkaPort);
        }
        RetrySchedule schedule = Flags.parse("--retry-schedule", retrySchedule, RetrySchedule::parse);
        Duration events = Flags.parse("--event-interval", eventInterval, Durations::parse);
        Duration summaries = Flags.parse("--summary-interval", summaryInterval, Durations::parse);
        int partitions = Flags.parse("MEDIAHOOKS_TOPIC_PARTITIONS",
                () -> variable("MEDIAHOOKS_TOPIC_PARTITIONS").map(Parsers.intBetween(1, 10_000)).orElse(DEFAULT_PARTITIONS));
        Path home = Path.of(System.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
        return new LocalSettings(LocalLayout.under(dir), variable("KAFKA_BOOTSTRAP_SERVERS"), kafkaPort, schedule,
                partitions, workers, events, summaries,
                routerJar != null ? routerJar : home.resolve("event-router/target/event-router.jar"),
                workerJar != null ? workerJar : home.resolve("delivery-worker/target/delivery-worker.jar"),
                apiJar != null ? apiJar : home.resolve("management-api/target/management-api.jar"), apiPort,
                // The workers inherit this variable, so the receiver must look for the same header.
                variable("MEDIAHOOKS_SIGNATURE_HEADER").orElse(SignatureCheck.DEFAULT_HEX_HEADER));
    }

    /** The variable's value when it is set and not blank. */
    private Optional<String> variable(String key) {
        String value = context.environment().get(Setting.of(key, "", "read by mediahooks local", text -> text));
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

}
