package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    void malformedDeliveryNamesTheField() {
        String json = new String(DeliveryCodec.INSTANCE.encode(routed()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> DeliveryCodec.INSTANCE.decode(json.replace("\"attempts\":0", "\"attempts\":-1").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("attempts: must not be negative");
        assertThatThrownBy(() -> DeliveryCodec.INSTANCE.decode(json.replaceAll("\"body\":\"(\\\\.|[^\"\\\\])*\",", "").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidRecordException.class).hasMessageStartingWith("body: required field is missing");
    }
}
