package io.mediahooks.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.mediahooks.e2e.RecordingReceiver.Received;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.EventRouterMain;
import io.mediahooks.router.RouterApplication;
import io.mediahooks.runtime.Environment;
import io.mediahooks.worker.DeliveryWorker;
import io.mediahooks.worker.WorkerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on a real broker: media events in, the real router and worker in between,
 * signed POSTs out to a receiver on loopback. Each request is checked as a customer would, with
 * code nobody here wrote: the official Standard Webhooks library and a plain JDK HMAC.
 */
@WithKafka
class PipelineIT {

    private static final String PRIMARY = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ROTATED = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final int EVENTS = 12;

    private RecordingReceiver receiver;
    private RouterApplication router;
    private DeliveryWorker worker;

    @AfterEach
    void stop() {
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
    void eventsArriveSignedAtEveryMatchingWebhookAndVerifyWithTheOfficialLibrary(KafkaTestBroker kafka) throws Exception {
        receiver = new RecordingReceiver();
        String prefix = kafka.uniqueTopic("e2e") + "-";
        TopicNames topics = TopicNames.defaults().prefixed(prefix);
        Environment env = environment(kafka, prefix);
        router = EventRouterMain.run(env);
        worker = DeliveryWorker.start(WorkerConfig.from(env), new SimpleMeterRegistry(), Clock.systemUTC());

        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        send(kafka, topics.secrets(), "org_e2e", PipelineSetup.sealed("""
                {"organization_id":"org_e2e","secrets":[{"id":"sec_2","value":"%s"},
                 {"id":"sec_1","value":"%s","expires_at":"%s"}]}""".formatted(PRIMARY, ROTATED, expiry)));
        send(kafka, topics.subscriptions(), "wh_all", subscription("wh_all", "org_e2e", receiver.url("/all"), "[\"ALL\"]", ""));
        send(kafka, topics.subscriptions(), "wh_sports", subscription("wh_sports", "org_e2e", receiver.url("/flaky/sports"),
                "[\"VIDEO_READY\"]", ",\"conditions\":[{\"type\":\"has_tag\",\"name\":\"sports\"}]"));
        send(kafka, topics.subscriptions(), "wh_nosecret", subscription("wh_nosecret", "org_nosecret", receiver.url("/nosecret"),
                "[\"ALL\"]", ""));
        await().atMost(Duration.ofSeconds(60)).until(() -> router.state() == KafkaStreams.State.RUNNING && worker.health().up());
        // A webhook applies to events routed after it reached the router's per-organization table; wait for that.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> PipelineSetup.webhooksOf(router, "org_e2e") == 2);

        Map<String, String> expectedBodies = new HashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            String type = i % 2 == 0 ? "VIDEO_READY" : "PLAYLIST_UPDATED";
            String tags = i % 4 == 0 ? "[\"Sports\",\"news\"]" : "[\"news\"]";
            String payload = "{\"id\":\"vid_" + i + "\",\"name\":\"Finäl ✓ " + i + "\",\"tags\":" + tags + ",\"duration\":12.50}";
            String eventId = "evt_e2e_" + i;
            send(kafka, topics.mediaEvents(), "org_e2e", """
                    {"event_id":"%s","event_type":"%s","created_at":"2026-11-26T12:00:%02dZ","organization_id":"org_e2e","payload":%s}"""
                    .formatted(eventId, type, i, payload));
            expectedBodies.put(eventId, "{\"event_type\":\"" + type + "\",\"event_id\":\"" + eventId
                    + "\",\"created_at\":\"2026-11-26T12:00:" + String.format("%02d", i) + "Z\",\"payload\":" + payload + "}");
        }
        send(kafka, topics.mediaEvents(), "org_e2e", """
                {"event_id":"evt_e2e_0","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"org_e2e","payload":{}}""");
        send(kafka, topics.mediaEvents(), "org_nosecret", """
                {"event_id":"evt_ns","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"org_nosecret","payload":{}}""");
        send(kafka, topics.mediaEvents(), "org_e2e", "{\"event_id\":\"evt_bad\",\"event_type\":\"VIDEO_EXPLODED\"}");

        // Events 0, 4, 8 are VIDEO_READY tagged sports: wh_sports gets each twice (503 first, then 204).
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(distinctIds(receiver.receivedAt("/all"))).hasSize(EVENTS);
            assertThat(receiver.receivedAt("/flaky/sports")).hasSizeGreaterThanOrEqualTo(6);
        });

        List<Received> all = receiver.receivedAt("/all");
        assertThat(all).as("the duplicate event id was routed once").hasSize(EVENTS);
        assertThat(receiver.receivedAt("/nosecret")).as("an organization without a secret gets nothing").isEmpty();
        for (Received request : receiver.received()) {
            assertVerifiesAsACustomerWould(request, expectedBodies);
        }

        Map<String, List<Received>> sportsById = receiver.receivedAt("/flaky/sports").stream()
                .collect(Collectors.groupingBy(request -> request.header("webhook-id")));
        assertThat(sportsById).hasSize(3);
        for (List<Received> attempts : sportsById.values()) {
            assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
            // A retry sends the same bytes under the same id.
            assertThat(attempts.get(1).body()).isEqualTo(attempts.get(0).body());
        }
        Set<String> sportsEvents = sportsById.values().stream().map(attempts -> eventId(attempts.get(0))).collect(Collectors.toSet());
        assertThat(sportsEvents).containsExactlyInAnyOrder("evt_e2e_0", "evt_e2e_4", "evt_e2e_8");

        List<ConsumerRecord<byte[], byte[]>> invalid = kafka.readAll(topics.mediaEventsInvalid(), 1, Duration.ofSeconds(30));
        assertThat(invalid).hasSize(1);
        assertThat(new String(invalid.get(0).headers().lastHeader("error").value(), StandardCharsets.UTF_8))
                .startsWith("event_type: unknown value VIDEO_EXPLODED");
    }

    private static void assertVerifiesAsACustomerWould(Received request, Map<String, String> expectedBodies) throws Exception {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(expectedBodies.get(eventId(request)));
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("User-Agent")).startsWith("mediahooks/");
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);

        // The official library, once per live secret: each must verify on its own.
        Map<String, List<String>> headers = Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")));
        new Webhook(PRIMARY).verify(body, headers);
        new Webhook(ROTATED).verify(body, headers);

        // What hmac.new(secret, body, sha256).hexdigest() computes, with the JDK alone.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PRIMARY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.header("X-FP-Webhook-Signature-Hmac-Sha-256")).isEqualTo(HexFormat.of().formatHex(mac.doFinal(request.body())));
    }

    private static String eventId(Received request) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        int start = body.indexOf("\"event_id\":\"") + "\"event_id\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    private static Set<String> distinctIds(List<Received> requests) {
        return requests.stream().map(request -> request.header("webhook-id")).collect(Collectors.toSet());
    }

    private static String subscription(String id, String org, String url, String events, String extra) {
        return "{\"id\":\"" + id + "\",\"organization_id\":\"" + org + "\",\"url\":\"" + url + "\",\"events\":" + events + extra + "}";
    }

    private static void send(KafkaTestBroker kafka, String topic, String key, String value) {
        kafka.send(topic, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    private static Environment environment(KafkaTestBroker kafka, String prefix) {
        return new Environment(PipelineSetup.environment(kafka, prefix));
    }
}
