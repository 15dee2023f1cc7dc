package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DeliveryCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:01Z");

    static Delivery routed() {
        MediaEvent event = MediaEventCodec.INSTANCE.decode(MediaEventCodecTest.SPEC_EVENT.getBytes(StandardCharsets.UTF_8));
        Subscription subscription = SubscriptionCodec.INSTANCE.decode(SubscriptionCodecTest.SPEC_SUBSCRIPTION.getBytes(StandardCharsets.UTF_8));
        return Delivery.route(event, subscription, MediaEventCodec.deliveryBody(event), NOW);
    }

    static Attempt failedAttempt(Delivery delivery, int number, AttemptOutcome outcome) {
        return new Attempt(delivery.deliveryId(), delivery.subscriptionId(), delivery.organizationId(), delivery.eventId(),
                delivery.eventType(), number, delivery.url(), OptionalInt.of(503), Optional.empty(), 41, NOW, outcome);
    }

    @Test
    void routedDeliveryRoundTripsWithTheExactBody() {
        Delivery delivery = routed();
        byte[] encoded = DeliveryCodec.INSTANCE.encode(delivery);
        Delivery decoded = DeliveryCodec.INSTANCE.decode(encoded);
        assertThat(decoded).isEqualTo(delivery);
        assertThat(decoded.bodyBytes()).isEqualTo(delivery.bodyBytes());
        assertThat(decoded.attempts()).isZero();
        assertThat(new String(encoded, StandardCharsets.UTF_8)).doesNotContain("not_before").doesNotContain("last_attempt");
    }

    @Test
    void retryAndDeadLetterCarryTheirAttempt() {
        Delivery delivery = routed();
        Attempt first = failedAttempt(delivery, 1, AttemptOutcome.RETRY_SCHEDULED);
        Delivery retry = delivery.retryAfter(first, NOW.plusSeconds(5));
        Delivery decodedRetry = DeliveryCodec.INSTANCE.decode(DeliveryCodec.INSTANCE.encode(retry));
        assertThat(decodedRetry).isEqualTo(retry);
        assertThat(decodedRetry.attempts()).isEqualTo(1);
        assertThat(decodedRetry.notBefore()).contains(NOW.plusSeconds(5));

        Delivery dead = retry.deadLettered(failedAttempt(delivery, 2, AttemptOutcome.DEAD_LETTERED));
        Delivery decodedDead = DeliveryCodec.INSTANCE.decode(DeliveryCodec.INSTANCE.encode(dead));
        assertThat(decodedDead.lastAttempt().orElseThrow().outcome()).isEqualTo(AttemptOutcome.DEAD_LETTERED);
        assertThat(decodedDead.lastAttempt().orElseThrow().status()).hasValue(503);
        assertThat(decodedDead.replayed().attempts()).isZero();
        assertThat(decodedDead.replayed().deliveryId()).isEqualTo(delivery.deliveryId());
    }

    @Test
    void attemptJsonHasExactlyTheSpecFields() {
        Attempt attempt = failedAttempt(routed(), 1, AttemptOutcome.RETRY_SCHEDULED);
        String json = new String(AttemptCodec.INSTANCE.encode(attempt), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"delivery_id\":\"" + attempt.deliveryId() + "\",\"subscription_id\":\"wh_1\","
                + "\"organization_id\":\"org_42\",\"event_id\":\"evt_7b1c0e\",\"event_type\":\"VIDEO_READY\",\"attempt\":1,"
                + "\"url\":\"https://hooks.example.com/flow\",\"status\":503,\"error\":null,\"duration_ms\":41,"
                + "\"attempted_at\":\"2026-11-26T12:00:01Z\",\"outcome\":\"retry_scheduled\"}");
        assertThat(AttemptCodec.INSTANCE.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(attempt);
    }

    @Test
    void anAttemptKeepsTheHeadersSentAndTheStartOfTheResponseAfterTheSpecFields() {
        Attempt bare = failedAttempt(routed(), 1, AttemptOutcome.RETRY_SCHEDULED);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", bare.deliveryId().value());
        headers.put("webhook-timestamp", "1764158401");
        headers.put("webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=");
        Attempt attempt = new Attempt(bare.deliveryId(), bare.subscriptionId(), bare.organizationId(), bare.eventId(),
                bare.eventType(), 1, bare.url(), bare.status(), bare.error(), 41, NOW, bare.outcome(),
                new Attempt.Exchange(headers, Optional.of("{\"error\":\"busy\"}")));

        String json = new String(AttemptCodec.INSTANCE.encode(attempt), StandardCharsets.UTF_8);

        assertThat(json).endsWith("\"outcome\":\"retry_scheduled\",\"request_headers\":{\"Content-Type\":\"application/json\","
                + "\"webhook-id\":\"" + bare.deliveryId() + "\",\"webhook-timestamp\":\"1764158401\","
                + "\"webhook-signature\":\"v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=\"},\"response_body\":\"{\\\"error\\\":\\\"busy\\\"}\"}");
        Attempt decoded = AttemptCodec.INSTANCE.decode(json.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isEqualTo(attempt);
        assertThat(decoded.exchange().requestHeaders().keySet()).containsExactly("Content-Type", "webhook-id", "webhook-timestamp",
                "webhook-signature");
        String badHeader = json.replace("\"webhook-timestamp\":\"1764158401\"", "\"webhook-timestamp\":1764158401");
        assertThatThrownBy(() -> AttemptCodec.INSTANCE.decode(badHeader.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageContaining("request_headers.webhook-timestamp")
                .hasMessageContaining("expected a string");
    }

    @Test
    void theStreamingEncoderWritesTheBytesATreeWouldAndEscapesASharedBodyOnce() {
        Delivery routed = routed();
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        List<String> bodies = List.of(routed.body(), "{\"q\":\"\\\"quoted\\\" and \\\\ back\"}", controls + "\u007f",
                "Fin\u00e4l \ud83d\ude00 \u2028\u2029 </script>", "lone \ud800 surrogate");
        for (String body : bodies) {
            Delivery delivery = new Delivery(routed.deliveryId(), routed.subscriptionId(), routed.organizationId(), routed.eventId(),
                    routed.eventType(), routed.createdAt(), "https://hooks.example.com/\u00e4?a=\"b\"", body, routed.routedAt(), 0,
                    Optional.empty(), Optional.empty());
            Delivery retry = delivery.retryAfter(failedAttempt(delivery, 1, AttemptOutcome.RETRY_SCHEDULED), NOW.plusSeconds(5));
            for (Delivery each : List.of(delivery, retry)) {
                byte[] first = DeliveryCodec.INSTANCE.encode(each);
                // The second encoding of the same body comes from the escaped copy the thread kept.
                assertThat(DeliveryCodec.INSTANCE.encode(each)).as(body).isEqualTo(first).isEqualTo(asTree(each));
                assertThat(DeliveryCodec.INSTANCE.decode(first)).isEqualTo(each);
            }
        }
    }

    /** The encoding this codec had before it wrote field by field: a tree, then the mapper. */
    private static byte[] asTree(Delivery delivery) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("delivery_id", delivery.deliveryId().value());
        node.put("subscription_id", delivery.subscriptionId().value());
        node.put("organization_id", delivery.organizationId().value());
        node.put("event_id", delivery.eventId().value());
        node.put("event_type", delivery.eventType().name());
        node.put("created_at", delivery.createdAt().text());
        node.put("url", delivery.url());
        node.put("body", delivery.body());
        node.put("routed_at", RfcTimestamp.of(delivery.routedAt()).text());
        node.put("attempts", delivery.attempts());
        delivery.notBefore().ifPresent(at -> node.put("not_before", RfcTimestamp.of(at).text()));
        delivery.lastAttempt().ifPresent(attempt -> {
            ObjectNode last = node.putObject("last_attempt");
            last.put("delivery_id", attempt.deliveryId().value());
            last.put("subscription_id", attempt.subscriptionId().value());
            last.put("organization_id", attempt.organizationId().value());
            last.put("event_id", attempt.eventId().value());
            last.put("event_type", attempt.eventType().name());
            last.put("attempt", attempt.attempt());
            last.put("url", attempt.url());
            last.put("status", attempt.status().getAsInt());
            last.putNull("error");
            last.put("duration_ms", attempt.durationMs());
            last.put("attempted_at", RfcTimestamp.of(attempt.attemptedAt()).text());
            last.put("outcome", attempt.outcome().wireName());
        });
        return Json.write(node);
    }

    @Test
    void malformedDeliveryNamesTheField() {
        String json = new String(DeliveryCodec.INSTANCE.encode(routed()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DeliveryCodec.INSTANCE.decode(json.replace("\"attempts\":0", "\"attempts\":-1").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("attempts: must not be negative");
        assertThatThrownBy(() -> DeliveryCodec.INSTANCE.decode(json.replaceAll("\"body\":\"(\\\\.|[^\"\\\\])*\",", "").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("body: required field is missing");
    }
}
