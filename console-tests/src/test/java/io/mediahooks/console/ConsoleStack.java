package io.mediahooks.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mediahooks.api.ApiApplication;
import io.mediahooks.api.ApiConfig;
import io.mediahooks.cli.Cli;
import io.mediahooks.cli.CliContext;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.EventRouterMain;
import io.mediahooks.router.RouterApplication;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.UrlPolicyConfig;
import io.mediahooks.worker.DeliveryWorker;
import io.mediahooks.worker.WorkerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole of mediahooks in this JVM on the test broker, as the local run has it: the router, a
 * delivery worker, the management API serving the console, and the CLI for what an operator or
 * the CMS does (publishing events, {@code mediahooks listen}). Topics and groups are unique to one
 * stack, so stacks on a shared broker never see each other.
 */
final class ConsoleStack implements AutoCloseable {

    static final String ADMIN_TOKEN = "admin-token-for-the-console-tests";
    private static final Pattern LISTENING = Pattern.compile("Listening on (http://127\\.0\\.0\\.1:\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Environment environment;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private RouterApplication router;
    private ApiApplication api;

    private ConsoleStack(Environment environment) {
        this.environment = environment;
    }

    static ConsoleStack start(KafkaTestBroker kafka) {
        String prefix = kafka.uniqueTopic("console") + "-";
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.putAll(CommonConfig.topicVariables(TopicNames.defaults().prefixed(prefix)));
        env.put("MEDIAHOOKS_TOPIC_API_JOBS", prefix + "webhook-api-jobs");
        env.put("MEDIAHOOKS_TOPIC_PARTITIONS", "2");
        env.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s,2s");
        env.put("MEDIAHOOKS_MANAGEMENT_PORT", "0");
        env.put("MEDIAHOOKS_APPLICATION_ID", prefix + "router");
        env.put("MEDIAHOOKS_STATE_DIR", Path.of("target", "state", prefix + "router").toString());
        env.put("MEDIAHOOKS_WORKER_GROUP_ID", prefix + "workers");
        env.put("MEDIAHOOKS_API_PORT", "0");
        env.put("MEDIAHOOKS_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("MEDIAHOOKS_API_APPLICATION_ID", prefix + "api");
        env.put("MEDIAHOOKS_API_STATE_DIR", Path.of("target", "state", prefix + "api").toString());
        // The receiver is `listen` on loopback, plain http: allowed explicitly, as in the local run, for the router, the
        // worker and the API alike.
        env.putAll(UrlPolicyConfig.localDevelopment());
        env.putAll(TestSecretsKeys.environment());
        ConsoleStack stack = new ConsoleStack(new Environment(env));
        try {
            stack.startServices();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startServices() {
        router = EventRouterMain.run(environment);
        started.push(router);
        DeliveryWorker worker = DeliveryWorker.start(WorkerConfig.from(environment), new SimpleMeterRegistry(), Clock.systemUTC());
        started.push(worker);
        api = ApiApplication.start(ApiConfig.from(environment), Clock.systemUTC());
        started.push(api);
        await().atMost(Duration.ofSeconds(90)).until(() -> router.state() == KafkaStreams.State.RUNNING && worker.health().up()
                && api.state() == KafkaStreams.State.RUNNING);
    }

    /** Where a person opens the console. */
    String consoleUrl() {
        return "http://127.0.0.1:" + api.port() + "/";
    }

    /** A new API key of {@code organization}, made with the admin token as an operator would. */
    String createApiKey(String organization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(consoleUrl() + "v1/organizations/" + organization + "/api-keys"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"console tests\"}"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        return body.path("key").asText();
    }

    /** Runs a CLI command against this stack's Kafka; fails unless it succeeds. */
    String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(context(out, err), args);
        assertThat(code).as("mediahooks %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    /** Starts {@code mediahooks listen --port 0 <args>} and returns it once it listens. */
    Listener listen(String... args) {
        String[] full = new String[args.length + 3];
        full[0] = "listen";
        full[1] = "--port";
        full[2] = "0";
        System.arraycopy(args, 0, full, 3, args.length);
        StringWriter out = new StringWriter();
        Thread thread = new Thread(() -> Cli.run(context(out, out), full), "listen");
        thread.setDaemon(true);
        thread.start();
        Listener listener = new Listener(thread, out);
        started.push(listener);
        await().atMost(Duration.ofSeconds(10)).until(() -> LISTENING.matcher(listener.output()).find());
        return listener;
    }

    /** Waits until the router routes with {@code webhook} as the API last wrote it (enabled or not). */
    void awaitRouterSees(String organization, String webhook, boolean enabled) {
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> routerView(organization, webhook)
                .map(subscription -> subscription.enabled() == enabled).orElse(false));
    }

    private Optional<Subscription> routerView(String organization, String webhook) {
        return router.webhooksOf(new OrganizationId(organization)).stream()
                .filter(subscription -> subscription.id().value().equals(webhook)).findFirst();
    }

    private CliContext context(StringWriter out, StringWriter err) {
        return new CliContext(environment, Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(err, true), new SecureRandom());
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                // Stopping a test stack: go on with the rest, and let the test's own failure speak.
                System.err.println("while stopping the console stack: " + e);
            }
        }
    }

    /** A running {@code mediahooks listen}: its URL and what it printed. */
    record Listener(Thread thread, StringWriter out) implements AutoCloseable {

        String url() {
            Matcher matcher = LISTENING.matcher(output());
            assertThat(matcher.find()).as(output()).isTrue();
            return matcher.group(1);
        }

        String output() {
            return out.toString();
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
        }
    }
}
