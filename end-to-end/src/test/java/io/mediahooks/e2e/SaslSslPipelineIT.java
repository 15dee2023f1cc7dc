package io.mediahooks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.mediahooks.api.ApiApplication;
import io.mediahooks.api.ManagementApiMain;
import io.mediahooks.e2e.RecordingReceiver.Received;
import io.mediahooks.kafka.test.SaslSslTestBroker;
import io.mediahooks.kafka.test.TestTls;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.EventRouterMain;
import io.mediahooks.router.RouterApplication;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.worker.DeliveryWorker;
import io.mediahooks.worker.WorkerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline through a broker reached over TLS with a SCRAM-SHA-512 login only: the
 * management API sets up a secret and a webhook, an event goes in through a client built like the
 * CLI's, the router routes it and the worker delivers it signed to a loopback receiver. The
 * password holds quotes, backslashes and a semicolon, so it only logs in if the JAAS line is
 * escaped right. A wrong password and an untrusted broker certificate stop every service at
 * start-up with a message naming the setting, and no password reaches any log line.
 */
class SaslSslPipelineIT {

    private static final String USER = "mediahooks";
    private static final String PASSWORD = "p\"a\\ss;w=rd " + UUID.randomUUID();
    private static final String ADMIN = "e2e-admin-token-0123456789";
    private static final String ORG = "org_secure";

    private static Path dir;
    private static SaslSslTestBroker kafka;

    private final HttpClient http = HttpClient.newHttpClient();
    private RecordingReceiver receiver;
    private RouterApplication router;
    private DeliveryWorker worker;
    private ApiApplication api;

    @BeforeAll
    static void startBroker() {
        dir = Path.of("target", "sasl-ssl-" + UUID.randomUUID()).toAbsolutePath();
        kafka = SaslSslTestBroker.start(dir.resolve("tls"), Map.of(USER, PASSWORD));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stop() {
        for (AutoCloseable service : new AutoCloseable[] {api, worker, router, receiver}) {
            if (service != null) {
                close(service);
            }
        }
    }

    @Test
    void routesAndDeliversSignedWebhooksThroughTheSaslSslListener() throws Exception {
        try (LogCapture logs = LogCapture.of("org.apache.kafka.clients", "org.apache.kafka.streams", "org.apache.kafka.common",
                "io.mediahooks")) {
            receiver = new RecordingReceiver();
            String prefix = "secure-" + UUID.randomUUID().toString().substring(0, 8) + "-";
            Map<String, String> env = environment(prefix, Map.of("KAFKA_SASL_PASSWORD", PASSWORD));
            // The worker reads its password from a file, as from a mounted Kubernetes Secret.
            Path passwordFile = Files.writeString(dir.resolve("kafka-password"), PASSWORD + "\n");
            Map<String, String> workerEnv = new HashMap<>(env);
            workerEnv.remove("KAFKA_SASL_PASSWORD");
            workerEnv.put("KAFKA_SASL_PASSWORD_FILE", passwordFile.toString());

            api = ManagementApiMain.run(new Environment(env));
            router = EventRouterMain.run(new Environment(env));
            worker = DeliveryWorker.start(WorkerConfig.from(new Environment(workerEnv)), new SimpleMeterRegistry(), Clock.systemUTC());
            await().atMost(Duration.ofSeconds(90)).until(() -> router.state() == KafkaStreams.State.RUNNING
                    && worker.health().up() && api.state() == KafkaStreams.State.RUNNING);

            String key = call("POST", "/v1/organizations/" + ORG + "/api-keys", ADMIN, null, 201).get("key").asText();
            String secret = call("POST", "/v1/secret", key, null, 201).get("value").asText();
            String webhook = call("POST", "/v1/webhooks", key, """
                    {"url": "%s", "events": ["VIDEO_READY"]}""".formatted(receiver.url("/secure")), 201).get("id").asText();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> PipelineSetup.webhooksOf(router, ORG) == 1);

            publish(new Environment(env), TopicNames.defaults().prefixed(prefix).mediaEvents(), "evt_secure_1");
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.receivedAt("/secure").size() == 1);
            Received delivered = receiver.receivedAt("/secure").get(0);
            assertThat(Json.parseObject(delivered.body()).get("event_id").asText()).isEqualTo("evt_secure_1");
            new Webhook(secret).verify(new String(delivered.body(), StandardCharsets.UTF_8), Map.of(
                    "webhook-id", List.of(delivered.header("webhook-id")),
                    "webhook-timestamp", List.of(delivered.header("webhook-timestamp")),
                    "webhook-signature", List.of(delivered.header("webhook-signature"))));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode attempts = call("GET", "/v1/webhooks/" + webhook + "/attempts", key, null, 200).get("data");
                assertThat(attempts).hasSize(1);
                assertThat(attempts.get(0).get("outcome").asText()).isEqualTo("delivered");
            });

            // Every client logged its configuration (so the check below has something to look at), passwords hidden.
            String logged = logs.text();
            assertThat(logged).contains("sasl.jaas.config = [hidden]", "ssl.truststore.password = [hidden]",
                    "security.protocol = SASL_SSL");
            assertThat(logged).doesNotContain(PASSWORD).doesNotContain(kafka.tls().password())
                    .doesNotContain(PASSWORD.substring(PASSWORD.indexOf(' ') + 1));
        }
    }

    @Test
    void aWrongPasswordStopsEveryServiceAtStartUpNamingTheSetting() {
        String wrong = "not-" + PASSWORD;
        Map<String, String> env = environment("wrong-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                Map.of("KAFKA_SASL_PASSWORD", wrong));
        String refused = "Kafka at " + kafka.bootstrapServers() + " refused the SASL login of user 'mediahooks' "
                + "(KAFKA_SASL_USERNAME) with SCRAM-SHA-512 (KAFKA_SASL_MECHANISM): check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD";
        assertThatThrownBy(() -> router = EventRouterMain.run(new Environment(env)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(refused).message().doesNotContain(wrong);
        assertThatThrownBy(() -> worker = DeliveryWorker.start(WorkerConfig.from(new Environment(env)), new SimpleMeterRegistry(),
                Clock.systemUTC()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(refused);
        assertThatThrownBy(() -> api = ManagementApiMain.run(new Environment(env)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(refused);
    }

    @Test
    void anUntrustedBrokerCertificateStopsStartUpNamingTheTrustStore() {
        TestTls otherCa = TestTls.create(dir.resolve("other-ca"));
        Map<String, String> env = environment("untrusted-" + UUID.randomUUID().toString().substring(0, 8) + "-", Map.of(
                "KAFKA_SASL_PASSWORD", PASSWORD,
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", otherCa.caPem().toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", ""));
        assertThatThrownBy(() -> router = EventRouterMain.run(new Environment(env)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Kafka at " + kafka.bootstrapServers() + ": the TLS handshake failed")
                .hasMessageContaining("signed by a CA in KAFKA_SSL_TRUSTSTORE_LOCATION=" + otherCa.caPem());
    }

    /** The services' variables: topics of their own, and the SASL_SSL listener with user, trust store and {@code extra}. */
    private static Map<String, String> environment(String prefix, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(PipelineSetup.environment(kafka.bootstrapServers(), prefix));
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_USERNAME", USER);
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.tls().trustStore().toString());
        env.put("KAFKA_SSL_TRUSTSTORE_PASSWORD", kafka.tls().password());
        env.put("MEDIAHOOKS_STARTUP_TIMEOUT", "30s");
        env.put("MEDIAHOOKS_API_PORT", "0");
        env.put("MEDIAHOOKS_ADMIN_TOKEN", ADMIN);
        env.put("MEDIAHOOKS_TOPIC_API_JOBS", prefix + "webhook-api-jobs");
        env.put("MEDIAHOOKS_API_ROCKSDB_CACHE_MB", "16");
        env.put("MEDIAHOOKS_API_STATE_DIR", dir.resolve("api-state-" + prefix).toString());
        env.putAll(extra);
        return env;
    }

    /** Publishes a media event with the clients' common configuration, as the CLI's `event publish` does. */
    private static void publish(Environment env, String topic, String eventId) throws Exception {
        String event = """
                {"event_id":"%s","event_type":"VIDEO_READY","created_at":"2026-12-03T12:00:00Z","organization_id":"%s",
                 "payload":{"id":"vid_1","tags":[]}}""".formatted(eventId, ORG);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(CommonConfig.from(env).kafkaClientConfig(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, ORG.getBytes(StandardCharsets.UTF_8), event.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private JsonNode call(String method, String path, String bearer, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return Json.parseObject(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void close(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + service, e);
        }
    }
}
