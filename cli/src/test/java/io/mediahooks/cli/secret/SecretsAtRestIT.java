package io.mediahooks.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.router.EventRouterMain;
import io.mediahooks.router.RouterApplication;
import io.mediahooks.router.RouterTopology;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.TableSnapshot;
import io.mediahooks.worker.DeliveryWorker;
import io.mediahooks.worker.WorkerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Secrets encrypted at rest through the real router and worker on a real broker: what is on the
 * topic and in the router's state holds no secret, deliveries signed with the opened secret verify
 * with the plain one (`mediahooks listen` checks both signatures), and a key rotation (new key
 * first in every ring, `secret reencrypt`, old key dropped) keeps them verifying throughout.
 */
@WithKafka
class SecretsAtRestIT {

    private static final String ORG = "org_sealed";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SECRET_MATERIAL = SECRET.substring("whsec_".length());

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private RouterApplication router;
    private DeliveryWorker worker;

    @AfterEach
    void stop() throws Exception {
        stopServices();
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    @Test
    void secretsStayEncryptedAtRestAndDeliveriesVerifyThroughAKeyRotation(KafkaTestBroker kafka) throws Exception {
        String prefix = kafka.uniqueTopic("sealed") + "-";
        CliHarness underK1 = CliHarness.on(kafka, Clock.systemUTC(), CliHarness.serviceVariables(prefix));
        CliHarness.Running listener = underK1.start("listen", "--port", "0", "--secret", SECRET);
        started.push(listener);
        String receiver = listener.awaitListening();
        startServices(underK1);
        ok(underK1.run("secret", "set", "--org", ORG, "--value", SECRET));
        ok(underK1.run("webhook", "put", "--id", "wh_sealed", "--org", ORG, "--url", receiver + "/hook", "--events", "VIDEO_READY"));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> router.webhooksOf(new OrganizationId(ORG)).size() == 1);
        deliveredAndVerified(underK1, listener, "evt_sealed_1");

        String topic = underK1.topics().names().secrets();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(topic, 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        byte[] onTopic = records.get(0).value();
        assertThat(text(onTopic)).doesNotContain(SECRET_MATERIAL);
        assertThat(OrganizationSecretsCodec.keyIdsOf(onTopic)).containsExactly("test1");
        assertThat(routerStoreOf(ORG)).as("the router's store holds the topic's sealed bytes").isEqualTo(onTopic);
        assertRouterTopicsHoldNoSecret(kafka, prefix + "router");

        // A new key goes first in every ring; records under the old one stay readable meanwhile.
        CliHarness rotating = underK1.with(Map.of(TestSecretsKeys.SETTING, TestSecretsKeys.K2 + "," + TestSecretsKeys.K1));
        CliHarness onlyK2 = underK1.with(Map.of(TestSecretsKeys.SETTING, TestSecretsKeys.K2));
        stopServices();
        assertThatThrownBy(() -> EventRouterMain.run(new Environment(onlyK2.environment())))
                .as("dropping the old key before re-encrypting").isInstanceOf(ConfigException.class)
                .hasMessageContaining("encrypted with key test1, which MEDIAHOOKS_SECRETS_KEYS does not hold");
        assertThatThrownBy(() -> DeliveryWorker.start(WorkerConfig.from(new Environment(onlyK2.environment())),
                new SimpleMeterRegistry(), Clock.systemUTC()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_SECRETS_KEYS does not hold");
        startServices(rotating);
        deliveredAndVerified(rotating, listener, "evt_sealed_2");

        CliHarness.Result reencrypted = rotating.run("secret", "reencrypt");
        ok(reencrypted);
        assertThat(reencrypted.out()).contains("Re-encrypted 1 secrets record(s) under key test2 (from test1: 1); 0 already under it.");
        List<ConsumerRecord<byte[], byte[]>> after = kafka.readAll(topic, 2, Duration.ofSeconds(10));
        byte[] rewritten = after.get(after.size() - 1).value();
        assertThat(OrganizationSecretsCodec.keyIdsOf(rewritten)).containsExactly("test2");
        assertThat(text(rewritten)).doesNotContain(SECRET_MATERIAL);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(InvalidStateStoreException.class)
                .untilAsserted(() -> assertThat(routerStoreOf(ORG)).isEqualTo(rewritten));
        deliveredAndVerified(rotating, listener, "evt_sealed_3");

        // Nothing is left under the old key: it leaves the ring.
        stopServices();
        startServices(onlyK2);
        deliveredAndVerified(onlyK2, listener, "evt_sealed_4");
        assertThat(listener.output()).doesNotContain("REJECTED");
    }

    private void startServices(CliHarness cli) {
        Environment env = new Environment(cli.environment());
        router = EventRouterMain.run(env);
        worker = DeliveryWorker.start(WorkerConfig.from(env), new SimpleMeterRegistry(), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(60)).until(() -> router.state() == KafkaStreams.State.RUNNING && worker.health().up());
    }

    private void stopServices() {
        if (worker != null) {
            worker.close();
            worker = null;
        }
        if (router != null) {
            router.close();
            router = null;
        }
    }

    private static void deliveredAndVerified(CliHarness cli, CliHarness.Running listener, String eventId) {
        ok(cli.run("event", "publish", "--type", "VIDEO_READY", "--org", ORG, "--id", eventId));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(listener.output()).containsPattern("verified 200 VIDEO_READY " + eventId + " "));
    }

    private byte[] routerStoreOf(String organization) {
        return router.streams().store(StoreQueryParameters.fromNameAndType(RouterTopology.SECRETS_STORE,
                QueryableStoreTypes.<String, byte[]>keyValueStore())).get(organization);
    }

    /** The router's internal topics (its changelogs): none holds a secret. */
    private static void assertRouterTopicsHoldNoSecret(KafkaTestBroker kafka, String applicationId) throws Exception {
        List<String> internal = kafka.admin().listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-")).toList();
        assertThat(internal).as("the router's changelog topics").isNotEmpty();
        for (String name : internal) {
            Map<String, byte[]> latest = TableSnapshot.read(Map.of("bootstrap.servers", kafka.bootstrapServers()), name,
                    Duration.ofSeconds(30));
            assertThat(latest.values()).as(name).noneSatisfy(value -> assertThat(text(value)).contains(SECRET_MATERIAL));
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void ok(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
