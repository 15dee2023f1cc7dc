package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Delivery;
import io.mediahooks.worker.testing.Closer;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.mediahooks.worker.testing.WorkerHarness;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * At least once, whatever crashes: a worker running as its own JVM is killed with SIGKILL in the
 * middle of a stream, another takes over, and every delivery arrives. Duplicates are counted and
 * reported (only deliveries in flight at the kill, or sent after the last commit, may come twice).
 */
@WithKafka
class CrashIT {

    private static final int DELIVERIES = 2000;
    private static final int WEBHOOKS = 10;
    private static final Path LOGS = Path.of("target", "crash-it");

    @RegisterExtension
    final Closer closer = new Closer();

    private WorkerHarness harness;
    private Receiver receiver;

    @Test
    void everyDeliveryArrivesAfterAWorkerIsKilledMidStream(KafkaTestBroker broker) throws Exception {
        // A few milliseconds per answer keeps requests in flight when the kill lands.
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(200).after(3)));
        harness = closer.add(WorkerHarness.create(broker, Map.of(
                "MEDIAHOOKS_TOPIC_PARTITIONS", "4",
                "MEDIAHOOKS_ENDPOINT_CONCURRENCY", "16",
                "MEDIAHOOKS_ENDPOINT_QUEUE_LIMIT", "5000",
                // The dead member must leave the group quickly for the test; 6 s is the broker's minimum.
                "MEDIAHOOKS_KAFKA_SESSION_TIMEOUT_MS", "6000",
                "MEDIAHOOKS_KAFKA_HEARTBEAT_INTERVAL_MS", "1000")));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        for (int w = 0; w < WEBHOOKS; w++) {
            harness.putSubscription(Fixtures.subscription("wh_" + w, "org_42", receiver.url("/hook/" + w)));
        }
        List<Delivery> deliveries = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < DELIVERIES; i++) {
            int w = i % WEBHOOKS;
            deliveries.add(Fixtures.delivery("wh_" + w, "org_42", "evt_" + i, receiver.url("/hook/" + w), now));
        }
        Set<String> expected = deliveries.stream().map(delivery -> delivery.deliveryId().value()).collect(Collectors.toSet());
        harness.routeAll(deliveries);

        Process first = startWorker("worker-1");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> distinctIds().size() >= DELIVERIES / 5);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int receivedAtKill = receiver.requests().size();

        Process second = startWorker("worker-2");
        await().atMost(Duration.ofMinutes(3)).until(() -> distinctIds().size() == DELIVERIES);
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("SIGTERM stops the worker cleanly").isTrue();
        assertThat(second.exitValue()).isIn(0, 143);

        Set<String> received = distinctIds();
        int requests = receiver.requests().size();
        int duplicates = requests - received.size();
        System.out.printf("CrashIT: %d deliveries, %d requests, %d duplicates; worker-1 was killed after %d requests%n",
                DELIVERIES, requests, duplicates, receivedAtKill);
        assertThat(received).isEqualTo(expected);
        assertThat(receivedAtKill).as("the kill landed mid-stream").isLessThan(DELIVERIES);
    }

    private Set<String> distinctIds() {
        return receiver.requests().stream().map(request -> request.header("webhook-id")).collect(Collectors.toSet());
    }

    private Process startWorker(String name) throws IOException {
        Files.createDirectories(LOGS);
        File log = LOGS.resolve(name + ".log").toFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath(),
                DeliveryWorkerMain.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().putAll(harness.environment());
        Process process = builder.start();
        closer.add(process::destroyForcibly);
        return process;
    }

    /** The test JVM's class path; under failsafe's manifest-only jar, java.class.path still resolves through it. */
    private static String classPath() {
        String testClassPath = System.getProperty("surefire.test.class.path");
        return testClassPath != null && !testClassPath.isBlank() ? testClassPath : System.getProperty("java.class.path");
    }
}
