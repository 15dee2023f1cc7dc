package io.mediahooks.cli.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.json.AttemptCodec;
import io.mediahooks.router.EventRouterMain;
import io.mediahooks.router.RouterApplication;
import io.mediahooks.runtime.Environment;
import io.mediahooks.worker.DeliveryWorker;
import io.mediahooks.worker.WorkerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mediahooks listen} against real deliveries: the real router and worker on a real broker
 * sign and POST events to two listeners, one given the organization's secret and one a wrong
 * secret. The first verifies and answers 200; the second rejects with 401, which the worker logs
 * as a failed attempt and retries.
 */
@WithKafka
class ListenIT {

    private static final String ORG = "org_listen";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String WRONG = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    @Test
    void verifiesDeliveriesSignedWithItsSecretAndRejectsThoseItCannotVerify(KafkaTestBroker kafka) throws Exception {
        String prefix = kafka.uniqueTopic("listen") + "-";
        CliHarness cli = CliHarness.on(kafka, Clock.systemUTC(), CliHarness.serviceVariables(prefix));
        Environment env = new Environment(cli.environment());
        RouterApplication router = EventRouterMain.run(env);
        started.push(router);
        DeliveryWorker worker = DeliveryWorker.start(WorkerConfig.from(env), new SimpleMeterRegistry(), Clock.systemUTC());
        started.push(worker);

        CliHarness.Running right = listen(cli, "--secret", WRONG, "--secret", SECRET);
        CliHarness.Running wrong = listen(cli, "--secret", WRONG, "--verbose");
        ok(cli.run("secret", "set", "--org", ORG, "--value", SECRET));
        ok(cli.run("webhook", "put", "--id", "wh_right", "--org", ORG, "--url", right.awaitListening() + "/right", "--events", "VIDEO_READY"));
        ok(cli.run("webhook", "put", "--id", "wh_wrong", "--org", ORG, "--url", wrong.awaitListening() + "/wrong", "--events", "VIDEO_READY"));
        await().atMost(Duration.ofSeconds(60)).until(() -> router.state() == KafkaStreams.State.RUNNING && worker.health().up());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> webhooksOf(router) == 2);

        ok(cli.run("event", "publish", "--type", "VIDEO_READY", "--org", ORG, "--id", "evt_listen_1", "--tags", "sports"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(right.output()).containsPattern("verified 200 VIDEO_READY evt_listen_1 webhook-id msg_\\w+ attempt 1"
                    + " latency \\d+ (ms|s) /right");
            assertThat(wrong.output()).containsPattern("REJECTED 401 VIDEO_READY evt_listen_1 webhook-id msg_\\w+ attempt 2"
                    + " latency \\d+ (ms|s) /wrong \\(bad signature: X-FP-Webhook-Signature-Hmac-Sha-256 and webhook-signature\\)");
        });
        assertThat(right.output()).doesNotContain("REJECTED");
        assertThat(wrong.output()).as("--verbose shows the body").contains("\"event_id\":\"evt_listen_1\"")
                .containsIgnoringCase("webhook-signature: v1,");

        List<Attempt> attempts = kafka.readAll(cli.topics().attempts().name(), 3, Duration.ofSeconds(30)).stream()
                .map(record -> AttemptCodec.INSTANCE.decode(record.value())).toList();
        assertThat(attempts).anySatisfy(attempt -> {
            assertThat(attempt.subscriptionId().value()).isEqualTo("wh_right");
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        });
        assertThat(attempts).anySatisfy(attempt -> {
            assertThat(attempt.subscriptionId().value()).isEqualTo("wh_wrong");
            assertThat(attempt.status()).hasValue(401);
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.RETRY_SCHEDULED);
        });
    }

    private CliHarness.Running listen(CliHarness cli, String... secrets) {
        String[] args = new String[secrets.length + 3];
        args[0] = "listen";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(secrets, 0, args, 3, secrets.length);
        CliHarness.Running running = cli.start(args);
        started.push(running);
        running.awaitListening();
        return running;
    }

    private static void ok(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    private static int webhooksOf(RouterApplication router) {
        return router.webhooksOf(new OrganizationId(ORG)).size();
    }
}
