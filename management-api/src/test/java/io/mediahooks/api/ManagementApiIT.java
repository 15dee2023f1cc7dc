package io.mediahooks.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import io.mediahooks.api.views.Keys;
import io.mediahooks.api.views.RecoverJob;
import io.mediahooks.api.views.RecoverJobCodec;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.AttemptCodec;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.OperationalEventCodec;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API on a real broker: the contract, webhooks, secrets, keys, tenancy on every route, and bad input. */
@WithKafka
class ManagementApiIT {

    private static ApiHarness api;
    private static KafkaTestBroker kafka;
    private static String keyA;
    private static String keyB;

    @BeforeAll
    static void start(KafkaTestBroker broker) {
        kafka = broker;
        api = ApiHarness.start(broker, ApiHarness.uniqueNames(broker), Map.of());
        keyA = api.newKey("org_a");
        keyB = api.newKey("org_b");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void everyRouteOfTheDocumentIsServedAndEveryServedRouteIsDocumented() {
        Set<String> served = api.app().http().unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                        HandlerType.DELETE).contains(endpoint.method))
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        JsonNode paths = OpenApiSchemas.document().get("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
        }
        assertThat(served).isEqualTo(documented);
        ApiHarness.Response doc = api.get("/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asText()).isEqualTo("3.1.0");
        ApiHarness.Response docs = api.get("/docs", null);
        assertThat(docs.body()).contains("swagger-ui-bundle.js");
        String bundle = docs.body().replaceAll("(?s).*src=\"([^\"]*swagger-ui-bundle.js)\".*", "$1");
        assertThat(api.get(bundle, null).status()).isEqualTo(200);
    }

    @Test
    void webhookCreateReadReplacePatchDeleteWithReadYourWrites() {
        ObjectNode input = ApiHarness.webhookInput("https://hooks.example.com/a", "VIDEO_READY");
        input.putArray("conditions").addObject().put("type", "has_tag").put("name", "sports");
        ApiHarness.Response created = api.post("/v1/webhooks", keyA, input);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        valid("Webhook", created.json());
        String id = created.json().get("id").asText();
        assertThat(id).startsWith("wh_");
        assertThat(created.header("Location")).isEqualTo("/v1/webhooks/" + id);
        assertThat(created.json().get("organization_id").asText()).isEqualTo("org_a");
        String etag = created.header("ETag");

        ObjectNode replacement = ApiHarness.webhookInput("https://hooks.example.com/b", "ALL");
        ApiHarness.Response replaced = api.send("PUT", "/v1/webhooks/" + id, keyA, Json.writeString(replacement),
                "application/json", Map.of("If-Match", etag));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        // Read-your-writes: the GET right after the PUT shows the new version.
        ApiHarness.Response read = api.get("/v1/webhooks/" + id, keyA);
        assertThat(read.json().get("url").asText()).isEqualTo("https://hooks.example.com/b");
        assertThat(read.json().get("created_at")).isEqualTo(created.json().get("created_at"));
        valid("Webhook", read.json());

        ApiHarness.Response stale = api.send("PUT", "/v1/webhooks/" + id, keyA, Json.writeString(replacement),
                "application/json", Map.of("If-Match", etag));
        assertThat(stale.status()).isEqualTo(412);
        valid("Problem", stale.json());

        ApiHarness.Response patched = api.send("PATCH", "/v1/webhooks/" + id, keyA, "{\"enabled\": false}",
                "application/merge-patch+json");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(api.get("/v1/webhooks/" + id, keyA).json().get("enabled").asBoolean()).isFalse();

        ApiHarness.Response list = api.get("/v1/webhooks?limit=250", keyA);
        valid("WebhookList", list.json());
        assertThat(list.json().get("data").findValuesAsText("id")).contains(id);

        assertThat(api.send("DELETE", "/v1/webhooks/" + id, keyA, null, null).status()).isEqualTo(204);
        assertThat(api.get("/v1/webhooks/" + id, keyA).status()).isEqualTo(404);
    }

    @Test
    void listsArePagedWithACursor() {
        String key = api.newKey("org_pages");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/v1/webhooks", key, ApiHarness.webhookInput("https://hooks.example.com/" + i, "ALL")).status())
                    .isEqualTo(201);
        }
        JsonNode first = api.get("/v1/webhooks?limit=2", key).json();
        assertThat(first.get("data")).hasSize(2);
        String cursor = first.get("next_cursor").asText();
        JsonNode second = api.get("/v1/webhooks?limit=2&cursor=" + cursor, key).json();
        assertThat(second.get("data")).hasSize(1);
        assertThat(second.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void secretIsGeneratedOnceShownOnceAndRotatedWithOverlap() {
        String key = api.newKey("org_secret");
        JsonNode before = api.get("/v1/secret", key).json();
        valid("SecretStatus", before);
        assertThat(before.get("configured").asBoolean()).isFalse();
        ApiHarness.Response generated = api.post("/v1/secret", key, null);
        assertThat(generated.status()).as(generated.body()).isEqualTo(201);
        valid("NewSecret", generated.json());
        assertThat(generated.json().get("value").asText()).startsWith("whsec_");
        assertThat(api.post("/v1/secret", key, null).status()).isEqualTo(409);
        ApiHarness.Response rotated = api.post("/v1/secret/rotate", key, Json.MAPPER.createObjectNode().put("overlap", "1h"));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        JsonNode after = api.get("/v1/secret", key).json();
        assertThat(after.get("configured").asBoolean()).isTrue();
        assertThat(after.get("secrets")).hasSize(2);
        assertThat(after.get("secrets").get(0).get("expires_at").isNull()).isTrue();
        assertThat(after.get("secrets").get(1).get("expires_at").isNull()).isFalse();
        assertThat(after.toString()).doesNotContain("whsec_");

        // At rest, both secrets are sealed under the API's key ring and the view holds the topic's bytes.
        String first = generated.json().get("value").asText().substring("whsec_".length());
        String second = rotated.json().get("value").asText().substring("whsec_".length());
        // Both writes were acknowledged (the API waited for its view): a short read sees every record there is.
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(api.names().secrets(), 1000, Duration.ofSeconds(3)).stream()
                .filter(record -> new String(record.key(), StandardCharsets.UTF_8).equals("org_secret")).toList();
        assertThat(records).hasSize(2).allSatisfy(record -> {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(first).doesNotContain(second);
            assertThat(OrganizationSecretsCodec.keyIdsOf(record.value())).containsExactly("test1");
        });
    }

    @Test
    void eventTypesListEveryTypeWithAnExample() {
        JsonNode catalog = api.get("/v1/event-types", keyA).json();
        valid("EventTypeList", catalog);
        assertThat(catalog.get("data")).hasSize(EventType.values().length);
    }

    @Test
    void apiKeysAreListedWithoutValuesAndADeletedKeyStopsWorking() {
        String key = api.newKey("org_keys");
        ApiHarness.Response list = api.get("/v1/organizations/org_keys/api-keys", ApiHarness.ADMIN_TOKEN);
        valid("ApiKeyList", list.json());
        assertThat(list.body()).doesNotContain("mh_");
        String id = list.json().get("data").get(0).get("id").asText();
        assertThat(api.get("/v1/webhooks", key).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/v1/organizations/org_other/api-keys/" + id, ApiHarness.ADMIN_TOKEN, null, null).status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/v1/organizations/org_keys/api-keys/" + id, ApiHarness.ADMIN_TOKEN, null, null).status())
                .isEqualTo(204);
        ApiHarness.Response refused = api.get("/v1/webhooks", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/v1/organizations/org_keys/api-keys", keyA).status()).isEqualTo(401);
        assertThat(api.get("/v1/organizations/org_keys/api-keys", null).status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationsResourcesAreNotFoundOnEveryRouteAndNeverListed() {
        String id = api.post("/v1/webhooks", keyA, ApiHarness.webhookInput("https://hooks.example.com/t", "ALL")).json()
                .get("id").asText();
        api.post("/v1/secret", keyA, null);
        String deliveryId = seedAttemptAndDeadLetter(id, "org_a");
        String jobId = api.post("/v1/webhooks/" + id + "/recover", keyA, Json.MAPPER.createObjectNode().put("since", "1h"))
                .json().get("job_id").asText();
        String body = Json.writeString(ApiHarness.webhookInput("https://hooks.example.com/x", "ALL"));

        Map<String, ApiHarness.Response> asB = new HashMap<>();
        asB.put("GET webhook", api.get("/v1/webhooks/" + id, keyB));
        asB.put("PUT webhook", api.send("PUT", "/v1/webhooks/" + id, keyB, body, "application/json"));
        asB.put("PATCH webhook", api.send("PATCH", "/v1/webhooks/" + id, keyB, "{\"enabled\":false}", "application/json"));
        asB.put("DELETE webhook", api.send("DELETE", "/v1/webhooks/" + id, keyB, null, null));
        asB.put("test", api.post("/v1/webhooks/" + id + "/test", keyB, null));
        asB.put("attempts", api.get("/v1/webhooks/" + id + "/attempts", keyB));
        asB.put("stats", api.get("/v1/webhooks/" + id + "/stats", keyB));
        asB.put("recover", api.post("/v1/webhooks/" + id + "/recover", keyB, Json.MAPPER.createObjectNode().put("since", "1h")));
        asB.put("delivery", api.get("/v1/deliveries/" + deliveryId, keyB));
        asB.put("job", api.get("/v1/jobs/" + jobId, keyB));
        asB.forEach((route, response) -> {
            assertThat(response.status()).as(route + ": " + response.body()).isEqualTo(404);
            valid("Problem", response.json());
        });

        assertThat(api.get("/v1/webhooks?limit=250", keyB).json().get("data").findValuesAsText("id")).doesNotContain(id);
        assertThat(api.get("/v1/dead-letters", keyB).json().get("data")).isEmpty();
        assertThat(api.get("/v1/dead-letters?webhook_id=" + id, keyB).json().get("data")).isEmpty();
        assertThat(api.get("/v1/secret", keyB).json().get("configured").asBoolean()).isFalse();
        assertThat(api.get("/v1/organizations/org_b/api-keys", ApiHarness.ADMIN_TOKEN).body()).doesNotContain("org_a");

        // And organization A sees all of it.
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode attempts = api.get("/v1/webhooks/" + id + "/attempts", keyA).json();
            valid("AttemptList", attempts);
            assertThat(attempts.get("data")).hasSize(1);
            JsonNode dead = api.get("/v1/dead-letters?webhook_id=" + id, keyA).json();
            valid("DeadLetterList", dead);
            assertThat(dead.get("data")).hasSize(1);
        });
        ApiHarness.Response delivery = api.get("/v1/deliveries/" + deliveryId, keyA);
        valid("Delivery", delivery.json());
        assertThat(delivery.json().get("state").asText()).isEqualTo("dead_lettered");
        JsonNode stats = api.get("/v1/webhooks/" + id + "/stats?since=1h", keyA).json();
        valid("Stats", stats);
        assertThat(stats.get("counts").get("dead_lettered").asInt()).isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/v1/jobs/" + jobId, keyA).json().get("state").asText()).isEqualTo("succeeded"));
        JsonNode job = api.get("/v1/jobs/" + jobId, keyA).json();
        valid("Job", job);
        assertThat(job.get("replayed").asInt()).isEqualTo(1);
    }

    @Test
    void aJobWhoseInstanceStoppedIsReportedFailedAsAbandoned() {
        String id = api.post("/v1/webhooks", keyA, ApiHarness.webhookInput("https://hooks.example.com/gone", "ALL")).json()
                .get("id").asText();
        Instant lastWord = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        // The record an instance leaves when it dies mid-job: running, and never renewed again.
        RecoverJob running = new RecoverJob("job_00000000deadbeef", new OrganizationId("org_a"), new SubscriptionId(id),
                lastWord.minus(Duration.ofHours(1)), Optional.empty(), RecoverJob.State.RUNNING, 300, 100, Optional.empty(),
                lastWord.minusSeconds(2), lastWord);
        kafka.send(ApiHarness.jobsTopic(api.names()), running.id().getBytes(StandardCharsets.UTF_8), RecoverJobCodec.encode(running));

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(api.get("/v1/jobs/" + running.id(), keyA).status()).isEqualTo(200));
        JsonNode job = api.get("/v1/jobs/" + running.id(), keyA).json();
        valid("Job", job);
        assertThat(job.get("state").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).startsWith("abandoned: ");
        assertThat(job.get("replayed").asInt()).isEqualTo(100);
        assertThat(api.get("/v1/jobs/" + running.id(), keyB).status()).isEqualTo(404);
    }

    @Test
    void badInputGetsTheRightStatusAndMessageAndNothingReachesKafka() {
        long before = endOffsets(api.names().subscriptions());
        String url = "/v1/webhooks";
        assertProblem(api.send("POST", url, keyA, "{\"url\": ", "application/json"), 400, null, "not valid JSON");
        assertProblem(api.send("POST", url, keyA, "{\"url\": 5, \"events\": [\"ALL\"]}", "application/json"), 422, "url",
                "expected a string");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://a.example\", \"events\": [\"ALL\"], \"enabled\": \"yes\"}",
                "application/json"), 422, "enabled", "expected true or false");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://a.example\", \"events\": [\"VIDEO_READY\", \"VIDEO_EXPLODED\"]}",
                "application/json"), 422, "events[1]", "unknown value VIDEO_EXPLODED");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://a.example\", \"events\": [\"ALL\"], \"colour\": \"red\"}",
                "application/json"), 422, "colour", "unknown field");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"http://a.example\", \"events\": [\"ALL\"]}", "application/json"),
                422, "url", "only https");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://127.0.0.1/hook\", \"events\": [\"ALL\"]}",
                "application/json"), 422, "url", "loopback");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://169.254.169.254/latest\", \"events\": [\"ALL\"]}",
                "application/json"), 422, "url", "169.254.169.254");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://user:pw@a.example/\", \"events\": [\"ALL\"]}",
                "application/json"), 422, "url", "credentials");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://a.example/#x\", \"events\": [\"ALL\"]}",
                "application/json"), 422, "url", "fragment");
        assertProblem(api.send("POST", url, keyA, "{\"url\": \"https://a.example\", \"events\": [\"ALL\"]}", "text/plain"), 415, null,
                "Content-Type");
        String huge = "{\"url\": \"https://a.example\", \"events\": [\"ALL\"], \"description\": \"" + "x".repeat(70_000) + "\"}";
        assertProblem(api.send("POST", url, keyA, huge, "application/json"), 413, null, "");
        assertProblem(api.send("POST", url, "mh_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "{}", "application/json"),
                401, null, "not valid");
        assertProblem(api.send("GET", url, "not-a-key", null, null), 401, null, "not valid");
        assertProblem(api.send("GET", url + "?limit=1000", keyA, null, null), 400, "limit", "1 to 250");
        assertProblem(api.send("GET", "/v1/nothing-here", keyA, null, null), 404, null, "not found");
        assertThat(api.app().state().isRunningOrRebalancing()).isTrue();
        assertThat(endOffsets(api.names().subscriptions())).isEqualTo(before);
    }

    @Test
    void aWebhookTheWorkersDisabledShowsWhyUntilItsOwnerUpdatesIt() {
        String id = "wh_disabled_" + Keys.time(System.nanoTime()).substring(10);
        String record = "{\"id\":\"" + id + "\",\"organization_id\":\"org_a\",\"url\":\"https://hooks.example.com/d\","
                + "\"events\":[\"ALL\"]}";
        long offset = kafka.send(api.names().subscriptions(), id.getBytes(StandardCharsets.UTF_8),
                record.getBytes(StandardCharsets.UTF_8)).offset();
        OperationalEvent disabled = new OperationalEvent(new SubscriptionId(id), new OrganizationId("org_a"),
                OperationalEvent.Type.DISABLED, Instant.parse("2026-11-29T12:00:00Z"), "https://hooks.example.com/d",
                "every attempt failed for 5 days", Optional.empty(), OptionalLong.of(offset));
        kafka.send(api.names().operationalEvents(), id.getBytes(StandardCharsets.UTF_8), OperationalEventCodec.INSTANCE.encode(disabled));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode webhook = api.get("/v1/webhooks/" + id, keyA).json();
            assertThat(webhook.get("disabled_reason").asText()).isEqualTo("every attempt failed for 5 days");
            assertThat(webhook.get("disabled_at").asText()).isEqualTo("2026-11-29T12:00:00Z");
        });
        assertThat(api.get("/v1/webhooks/" + id + "/stats", keyA).json().get("health").asText()).isEqualTo("disabled");

        ApiHarness.Response updated = api.send("PATCH", "/v1/webhooks/" + id, keyA, "{\"url\": \"https://hooks.example.com/fixed\"}",
                "application/merge-patch+json");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("disabled_reason").isNull()).as("an update of the owner wins").isTrue();
        assertThat(api.get("/v1/webhooks/" + id + "/stats", keyA).json().get("health").asText()).isEqualTo("healthy");
    }

    @Test
    void staticConsoleFilesNeedNoKeyButTheApiDoes() {
        assertThat(api.get("/", null).status()).isNotEqualTo(401);
        assertThat(api.get("/v1/webhooks", null).status()).isEqualTo(401);
    }

    private static void assertProblem(ApiHarness.Response response, int status, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        valid("Problem", problem);
        assertThat(problem.get("detail").asText()).contains(detail);
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
    }

    private static void valid(String schema, JsonNode value) {
        assertThat(OpenApiSchemas.validate(schema, value)).as(schema + " of " + value).isEmpty();
    }

    private static long endOffsets(String topic) {
        List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(kafka.consumerConfig("offsets"))) {
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** An attempt and a dead letter of organization {@code org} on the webhook, as the workers write them. */
    private static String seedAttemptAndDeadLetter(String webhookId, String org) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SubscriptionId subscription = new SubscriptionId(webhookId);
        EventId event = new EventId("evt_seed_" + Keys.time(now.toEpochMilli()));
        DeliveryId id = DeliveryId.of(new OrganizationId(org), event, subscription);
        Attempt attempt = new Attempt(id, subscription, new OrganizationId(org), event, EventType.VIDEO_READY, 1,
                "https://hooks.example.com/t", OptionalInt.of(410), Optional.empty(), 12, now, AttemptOutcome.DEAD_LETTERED);
        String body = "{\"event_type\":\"VIDEO_READY\",\"event_id\":\"" + event.value() + "\",\"created_at\":\"" + RfcTimestamp.of(now).text()
                + "\",\"payload\":{}}";
        Delivery dead = new Delivery(id, subscription, new OrganizationId(org), event, EventType.VIDEO_READY, RfcTimestamp.of(now),
                "https://hooks.example.com/t", body, now, 1, Optional.empty(), Optional.of(attempt));
        byte[] key = webhookId.getBytes(StandardCharsets.UTF_8);
        kafka.send(api.names().attempts(), key, AttemptCodec.INSTANCE.encode(attempt));
        kafka.send(api.names().deadLetters(), key, DeliveryCodec.INSTANCE.encode(dead));
        return id.value();
    }
}
