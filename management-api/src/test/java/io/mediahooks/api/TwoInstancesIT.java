package io.mediahooks.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.kafka.TopicNames;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Two instances on the same topics answer the same, without sticky sessions; a limit per key answers 429. */
@WithKafka
class TwoInstancesIT {

    @Test
    void aWriteOnOneInstanceIsVisibleOnTheOtherWithinSeconds(KafkaTestBroker kafka) {
        TopicNames names = ApiHarness.uniqueNames(kafka);
        try (ApiHarness one = ApiHarness.start(kafka, names, Map.of());
             ApiHarness two = ApiHarness.start(kafka, names, Map.of())) {
            String key = one.newKey("org_two");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> two.get("/v1/webhooks", key).status() == 200);

            String id = one.post("/v1/webhooks", key, ApiHarness.webhookInput("https://hooks.example.com/two", "ALL"))
                    .json().get("id").asText();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> two.get("/v1/webhooks/" + id, key).status() == 200);
            assertThat(two.get("/v1/webhooks/" + id, key).json().get("url").asText()).isEqualTo("https://hooks.example.com/two");

            assertThat(two.send("PATCH", "/v1/webhooks/" + id, key, "{\"enabled\": false}", "application/merge-patch+json").status())
                    .isEqualTo(200);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    !one.get("/v1/webhooks/" + id, key).json().get("enabled").asBoolean());

            String keyId = one.get("/v1/organizations/org_two/api-keys", ApiHarness.ADMIN_TOKEN).json().get("data").get(0)
                    .get("id").asText();
            assertThat(two.send("DELETE", "/v1/organizations/org_two/api-keys/" + keyId, ApiHarness.ADMIN_TOKEN, null, null)
                    .status()).isEqualTo(204);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> one.get("/v1/webhooks", key).status() == 401);
        }
    }

    @Test
    void aKeyOverItsRateLimitGets429WithRetryAfter(KafkaTestBroker kafka) {
        try (ApiHarness api = ApiHarness.start(kafka, ApiHarness.uniqueNames(kafka), Map.of("MEDIAHOOKS_API_RATE_LIMIT", "3"))) {
            String key = api.newKey("org_busy");
            String other = api.newKey("org_calm");
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/v1/webhooks", key).status()).isEqualTo(200);
            }
            ApiHarness.Response limited = api.get("/v1/webhooks", key);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
            assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
            assertThat(api.get("/v1/webhooks", other).status()).as("another key has its own bucket").isEqualTo(200);
        }
    }
}
