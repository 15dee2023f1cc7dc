package io.mediahooks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.mediahooks.api.ApiApplication;
import io.mediahooks.api.ManagementApiMain;
import io.mediahooks.e2e.RecordingReceiver.Received;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.EventRouterMain;
import io.mediahooks.router.RouterApplication;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The management API on the whole pipeline: an organization sets up its secret and webhooks through
 * the API only, and the real router and worker deliver to a receiver that verifies every request
 * with the official Standard Webhooks library; attempts, a test event, recovery from dead letters and
 * a secret rotation are all seen through the API.
 */
@WithKafka
class ApiPipelineIT {

    private static final String ADMIN = "e2e-admin-token-0123456789";
    private static final String ORG = "org_api";

    private final HttpClient http = HttpClient.newHttpClient();
    private RecordingReceiver receiver;
    private RouterApplication router;
    private DeliveryWorker worker;
    private ApiApplication api;
    private String key;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (router != null) {
            router.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void anOrganizationSetsUpTestsInspectsAndRecoversItsWebhooksThroughTheApi(KafkaTestBroker kafka) throws Exception {
        receiver = new RecordingReceiver();
        String prefix = kafka.uniqueTopic("apie2e") + "-";
        TopicNames topics = TopicNames.defaults().prefixed(prefix);
        Environment env = environment(kafka, prefix);
        api = ManagementApiMain.run(env);
        router = EventRouterMain.run(env);
        worker = DeliveryWorker.start(WorkerConfig.from(env), new SimpleMeterRegistry(), Clock.systemUTC());
        await().atMost(Duration.ofSeconds(60)).until(() -> router.state() == KafkaStreams.State.RUNNING && worker.health().up()
                && api.state() == KafkaStreams.State.RUNNING);

        key = call("POST", "/v1/organizations/" + ORG + "/api-keys", ADMIN, null, 201).get("key").asText();
        String first = call("POST", "/v1/secret", key, null, 201).get("value").asText();
        String sports = call("POST", "/v1/webhooks", key, """
                {"url": "%s", "events": ["VIDEO_READY"], "conditions": [{"type": "has_tag", "name": "sports"}],
                 "description": "sports videos"}""".formatted(receiver.url("/sports")), 201).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> PipelineSetup.webhooksOf(router, ORG) == 1);

        // An event the webhook wants, and one it does not.
        publish(kafka, topics, "evt_api_1", "[\"sports\"]");
        publish(kafka, topics, "evt_api_2", "[\"news\"]");
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.receivedAt("/sports").size() == 1);
        Received delivered = receiver.receivedAt("/sports").get(0);
        assertThat(eventId(delivered)).isEqualTo("evt_api_1");
        assertVerifies(delivered, first, List.of(first));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode attempts = call("GET", "/v1/webhooks/" + sports + "/attempts", key, null, 200).get("data");
            assertThat(attempts).hasSize(1);
            assertThat(attempts.get(0).get("outcome").asText()).isEqualTo("delivered");
            assertThat(attempts.get(0).get("event_id").asText()).isEqualTo("evt_api_1");
            assertThat(attempts.get(0).get("delivery_id").asText()).isEqualTo(delivered.header("webhook-id"));
        });

        // A test event reaches this webhook only, signed, through the worker; its delivery shows as delivered.
        JsonNode test = call("POST", "/v1/webhooks/" + sports + "/test", key, "{\"event_type\": \"VIDEO_READY\"}", 202);
        String testDelivery = test.get("delivery_id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedAt("/sports").size() == 2);
        Received tested = receiver.receivedAt("/sports").get(1);
        assertThat(tested.header("webhook-id")).isEqualTo(testDelivery);
        assertThat(eventId(tested)).isEqualTo(test.get("event_id").asText());
        assertThat(Json.parseObject(tested.body()).properties()).hasSize(4);
        assertVerifies(tested, first, List.of(first));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(call("GET", "/v1/deliveries/" + testDelivery, key, null, 200).get("state").asText()).isEqualTo("delivered"));

        // A webhook whose endpoint is gone fills the dead letters; once its URL is fixed, recover delivers them.
        String gone = call("POST", "/v1/webhooks", key, """
                {"url": "%s", "events": ["ALL"]}""".formatted(receiver.url("/gone")), 201).get("id").asText();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> PipelineSetup.webhooksOf(router, ORG) == 2);
        publish(kafka, topics, "evt_api_3", "[\"news\"]");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(call("GET", "/v1/dead-letters?webhook_id=" + gone, key, null, 200).get("data")).hasSize(1));
        call("PATCH", "/v1/webhooks/" + gone, key, "{\"url\": \"" + receiver.url("/recovered") + "\"}", 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.health().up());
        String job = call("POST", "/v1/webhooks/" + gone + "/recover", key, "{\"since\": \"1h\"}", 202).get("job_id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode state = call("GET", "/v1/jobs/" + job, key, null, 200);
            assertThat(state.get("state").asText()).isEqualTo("succeeded");
            assertThat(state.get("replayed").asInt()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.receivedAt("/recovered").isEmpty());
        Received recovered = receiver.receivedAt("/recovered").get(0);
        assertThat(eventId(recovered)).isEqualTo("evt_api_3");
        assertThat(recovered.header("webhook-id")).isEqualTo(receiver.receivedAt("/gone").get(0).header("webhook-id"));
        assertVerifies(recovered, first, List.of(first));

        // A rotation: during the overlap both secrets sign, and the new one keys the hex signature.
        String second = call("POST", "/v1/secret/rotate", key, "{\"overlap\": \"1h\"}", 201).get("value").asText();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            int before = receiver.receivedAt("/sports").size();
            call("POST", "/v1/webhooks/" + sports + "/test", key, null, 202);
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.receivedAt("/sports").size() > before);
            Received latest = receiver.receivedAt("/sports").get(receiver.receivedAt("/sports").size() - 1);
            assertThat(latest.header("webhook-signature").split(" ")).hasSize(2);
        });
        List<Received> all = receiver.receivedAt("/sports");
        assertVerifies(all.get(all.size() - 1), second, List.of(first, second));
    }

    private static void assertVerifies(Received request, String primary, List<String> live) throws Exception {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
        for (String secret : live) {
            new Webhook(secret).verify(body, headers);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(primary.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.header("X-FP-Webhook-Signature-Hmac-Sha-256")).isEqualTo(HexFormat.of().formatHex(mac.doFinal(request.body())));
    }

    private JsonNode call(String method, String path, String bearer, String body, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .header("Authorization", "Bearer " + bearer)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return Json.parseObject(response.body().getBytes(StandardCharsets.UTF_8));
    }

    private static void publish(KafkaTestBroker kafka, TopicNames topics, String eventId, String tags) {
        String event = """
                {"event_id":"%s","event_type":"VIDEO_READY","created_at":"2026-11-29T12:00:00Z","organization_id":"%s",
                 "payload":{"id":"vid_1","tags":%s}}""".formatted(eventId, ORG, tags);
        kafka.send(topics.mediaEvents(), ORG.getBytes(StandardCharsets.UTF_8), event.getBytes(StandardCharsets.UTF_8));
    }

    private static String eventId(Received request) {
        return Json.parseObject(request.body()).get("event_id").asText();
    }

    private static Environment environment(KafkaTestBroker kafka, String prefix) throws IOException {
        Map<String, String> env = new HashMap<>(PipelineSetup.environment(kafka, prefix));
        // One attempt, then the dead letters: the gone endpoint's delivery is dead-lettered at once anyway.
        env.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s");
        env.put("MEDIAHOOKS_API_PORT", "0");
        env.put("MEDIAHOOKS_ADMIN_TOKEN", ADMIN);
        env.put("MEDIAHOOKS_TOPIC_API_JOBS", prefix + "webhook-api-jobs");
        env.put("MEDIAHOOKS_API_ROCKSDB_CACHE_MB", "16");
        Path state = Files.createDirectories(Path.of("target", "api-state"));
        env.put("MEDIAHOOKS_API_STATE_DIR", Files.createTempDirectory(state, prefix).toString());
        return new Environment(env);
    }
}
