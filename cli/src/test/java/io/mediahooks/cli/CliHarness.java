package io.mediahooks.cli;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.UrlPolicyConfig;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the CLI in this JVM the way a shell would, against a given Kafka and topic names of its
 * own (so tests sharing a broker never see each other's records), capturing the output.
 */
public final class CliHarness {

    /** What one run printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private final Map<String, String> environment;
    private final Clock clock;
    private final TopicNames names;

    private CliHarness(Map<String, String> environment, Clock clock, TopicNames names) {
        this.environment = environment;
        this.clock = clock;
        this.names = names;
    }

    /** A harness whose topics are unique to it on {@code broker}; the topics are created, as an operator would. */
    public static CliHarness on(KafkaTestBroker broker, Instant now) {
        return on(broker, Clock.fixed(now, ZoneOffset.UTC), Map.of());
    }

    /** {@link #on(KafkaTestBroker, Instant)} on {@code clock}, with more environment variables (which win). */
    public static CliHarness on(KafkaTestBroker broker, Clock clock, Map<String, String> variables) {
        TopicNames names = TopicNames.defaults().prefixed(broker.uniqueTopic("cli") + "-");
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        environment.put("MEDIAHOOKS_TOPIC_PARTITIONS", "2");
        environment.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s");
        environment.putAll(CommonConfig.topicVariables(names));
        environment.putAll(TestSecretsKeys.environment());
        environment.putAll(variables);
        CliHarness harness = new CliHarness(environment, clock, names);
        Result created = harness.run("topics", "create");
        if (created.exitCode() != 0) {
            throw new IllegalStateException("topics create failed: " + created.err());
        }
        return harness;
    }

    /**
     * What a router and a worker started in a test get on top of a harness's environment: an
     * application id, state and group of their own (from {@code prefix}), loopback receivers
     * allowed (by both: each rejects webhooks whose URL its policy refuses), a short retry schedule.
     */
    public static Map<String, String> serviceVariables(String prefix) {
        Map<String, String> services = new HashMap<>();
        services.put("MEDIAHOOKS_MANAGEMENT_PORT", "0");
        services.put("MEDIAHOOKS_APPLICATION_ID", prefix + "router");
        services.put("MEDIAHOOKS_STATE_DIR", Path.of("target", "router-state", prefix).toString());
        services.put("MEDIAHOOKS_WORKER_GROUP_ID", prefix + "workers");
        services.putAll(UrlPolicyConfig.localDevelopment());
        services.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s,1s");
        return services;
    }

    /** A harness for checks that must fail before any Kafka is contacted: its Kafka address is a closed port. */
    public static CliHarness withoutKafka(Instant now) {
        return withoutKafka(now, Map.of());
    }

    /** {@link #withoutKafka(Instant)} with more environment variables. */
    public static CliHarness withoutKafka(Instant now, Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:1");
        return new CliHarness(environment, Clock.fixed(now, ZoneOffset.UTC), TopicNames.defaults());
    }

    /** A harness with exactly {@code environment} (the default topic names), for a Kafka a test set up itself. */
    public static CliHarness with(Map<String, String> environment, Instant now) {
        return new CliHarness(Map.copyOf(environment), Clock.fixed(now, ZoneOffset.UTC), TopicNames.defaults());
    }

    /** This harness, on the same topics and clock, with more environment variables (which win). */
    public CliHarness with(Map<String, String> variables) {
        Map<String, String> more = new HashMap<>(environment);
        more.putAll(variables);
        return new CliHarness(more, clock, names);
    }

    /** The environment the commands run with: Kafka's address, the topic names, the schedule, the test key ring. */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public Topics topics() {
        return new Topics(names);
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.run(context(out, err), args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Starts a command that runs until stopped (such as {@code listen}) on a thread of its own. */
    public Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread thread = new Thread(() -> Cli.run(context(out, err), args), "cli-" + args[0]);
        thread.setDaemon(true);
        thread.start();
        return new Running(thread, out, err);
    }

    private CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(new Environment(environment), clock, new PrintWriter(out, true), new PrintWriter(err, true),
                new SecureRandom());
    }

    /** A command started with {@link #start}: its output so far, and a way to stop it (as Ctrl-C would, from inside). */
    public record Running(Thread thread, StringWriter out, StringWriter err) implements AutoCloseable {

        private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+)/");

        /** For a running {@code listen}: waits until it listens, and returns its base URL. */
        public String awaitListening() {
            await().atMost(Duration.ofSeconds(10)).until(() -> LISTENING.matcher(output()).find());
            Matcher matcher = LISTENING.matcher(output());
            if (!matcher.find()) {
                throw new IllegalStateException("not listening: " + output());
            }
            return matcher.group(1);
        }

        /** What it has printed so far (StringWriter is synchronized, so this is safe while it runs). */
        public String output() {
            return out.toString() + err;
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
        }
    }
}
