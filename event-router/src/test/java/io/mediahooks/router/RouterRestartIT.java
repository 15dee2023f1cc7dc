package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A router stopped in the middle of a stream, cleanly or by {@code kill -9}, and started again:
 * every delivery is present exactly once in {@code read_committed}, and ids seen before the
 * restart stay de-duplicated after it. A clean stop (SIGTERM) leaves state that the next start
 * uses as it is, restoring nothing from the topics.
 */
@WithKafka
class RouterRestartIT {

    private static final int ORGANIZATIONS = 10;
    /** Each organization has a VIDEO_READY webhook and an ALL webhook: two deliveries per event. */
    private static final int DELIVERIES_PER_EVENT = 2;
    private static final Path ROUTER_JAR = Path.of("target", "event-router.jar");

    @Test
    void restartMidStreamOnAFreshDiskRoutesEveryEventExactlyOnce(KafkaTestBroker kafka) {
        RouterItSupport it = prepare(kafka, "restart");

        RouterApplication first = start(it);
        try {
            publish(it, 0, 600);
            it.awaitFirstDelivery();
        } finally {
            first.close();
        }
        publish(it, 600, 800);
        // A new disk: the tables and the seen event ids come back from their changelogs.
        it.with(RouterConfig.STATE_DIR.key(), RouterItSupport.newStateDir().toString());
        try (RouterApplication second = start(it)) {
            publish(it, 0, 100);
            publish(it, 800, 1000);

            assertExactlyOnce(it, 1000);
            assertThat(second.metrics().registry().get("mediahooks.router.events.deduplicated").counter().count())
                    .isEqualTo(100);
        }
    }

    @Test
    void killedRouterProcessLosesAndDuplicatesNothing(KafkaTestBroker kafka) throws Exception {
        assumeTrue(Files.exists(ROUTER_JAR), "needs the runnable jar: run through mvn verify");
        RouterItSupport it = prepare(kafka, "kill")
                // The killed member never says goodbye: let the group drop it quickly.
                .with("MEDIAHOOKS_KAFKA_SESSION_TIMEOUT_MS", "6000");

        Process first = launch(it, "first");
        try {
            publish(it, 0, 600);
            it.awaitFirstDelivery();
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        publish(it, 600, 800);

        Process second = launch(it, "second");
        try {
            publish(it, 0, 100);
            assertExactlyOnce(it, 800);
        } finally {
            second.destroy();
        }
        assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("the router stops on SIGTERM").isTrue();
        assertThat(Files.readString(logOf(it, "second"))).contains("event-router stopped");
    }

    @Test
    void cleanSigtermUnderLoadLeavesStateTheNextStartReuses(KafkaTestBroker kafka) throws Exception {
        assumeTrue(Files.exists(ROUTER_JAR), "needs the runnable jar: run through mvn verify");
        Path stateDir = RouterItSupport.newStateDir();
        RouterItSupport it = prepare(kafka, "sigterm").with(RouterConfig.STATE_DIR.key(), stateDir.toString());

        Process first = launch(it, "first");
        CompletableFuture<Void> publishing;
        try {
            publishing = CompletableFuture.runAsync(() -> {
                for (int from = 0; from < 2000; from += 100) {
                    publish(it, from, from + 100);
                }
            });
            it.awaitFirstDelivery();
        } finally {
            first.destroy();
        }
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).as("the router stops on SIGTERM").isTrue();
        publishing.join();
        String log = Files.readString(logOf(it, "first"));
        assertThat(log).contains("event-router stopped").doesNotContain("did not close within");

        // Kafka Streams 4.4 keeps the committed offsets of each store inside the store itself, not in a .checkpoint file:
        // what proves the state reusable is that the next start restores nothing from the topics.
        try (RouterApplication second = start(it)) {
            assertExactlyOnce(it, 2000);
            assertThat(second.metrics().registry().find("mediahooks.router.state.restored.records").counters())
                    .as("records restored by the next start").allSatisfy(counter -> assertThat(counter.count()).isZero());
        }
    }

    /** A router of its own whose input topics have different partition counts, with webhooks and secrets. */
    private static RouterItSupport prepare(KafkaTestBroker kafka, String name) {
        RouterItSupport it = new RouterItSupport(kafka, name);
        kafka.createTopic(it.topics.mediaEvents().name(), 3);
        kafka.createCompactedTopic(it.topics.subscriptions().name(), 2);
        kafka.createCompactedTopic(it.topics.names().secrets(), 1);
        for (int org = 0; org < ORGANIZATIONS; org++) {
            it.put(secrets("org_" + org));
            it.put(webhook("wh_" + org + "_ready", "org_" + org, EventType.VIDEO_READY));
            it.put(webhook("wh_" + org + "_all", "org_" + org, "https://hooks.example.com/all", EventSelection.allTypes()));
        }
        return it;
    }

    private static RouterApplication start(RouterItSupport it) {
        return RouterApplication.start(RouterConfig.from(new Environment(it.env())), Clock.systemUTC());
    }

    /** Events {@code from} (inclusive) to {@code to}, spread over the organizations; sent in bulk, then flushed. */
    private static void publish(RouterItSupport it, int from, int to) {
        for (int n = from; n < to; n++) {
            var event = event("org_" + (n % ORGANIZATIONS), "evt_" + n, EventType.VIDEO_READY);
            it.kafka.producer().send(new ProducerRecord<>(it.topics.mediaEvents().name(),
                    event.organizationId().value().getBytes(StandardCharsets.UTF_8), Fixtures.json(event)));
        }
        it.kafka.producer().flush();
    }

    private static void assertExactlyOnce(RouterItSupport it, int events) {
        int expected = events * DELIVERIES_PER_EVENT;
        List<Delivery> deliveries = it.deliveries(expected, Duration.ofSeconds(90));
        Set<String> ids = deliveries.stream().map(delivery -> delivery.deliveryId().value()).collect(Collectors.toSet());
        assertThat(ids).hasSize(expected);
        // Anything beyond the expected count would be a duplicate: give it a moment to show up.
        assertThat(it.deliveries(expected + 1, Duration.ofSeconds(3))).hasSize(expected);
    }

    private static Process launch(RouterItSupport it, String name) throws IOException {
        int port = freePort();
        Map<String, String> env = it.env();
        env.put(CommonConfig.MANAGEMENT_PORT.key(), Integer.toString(port));
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", ROUTER_JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(logOf(it, name).toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                RouterItSupport.get(port, "/health/ready").statusCode() == 200);
        return process;
    }

    private static Path logOf(RouterItSupport it, String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "router-it-logs"));
        return dir.resolve(it.applicationId + "-" + name + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
