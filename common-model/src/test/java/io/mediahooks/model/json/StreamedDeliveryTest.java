package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming reading of a delivery takes only records the tree reading accepts, and gives the
 * same delivery; everything else it leaves to the tree, so errors read as they always did.
 */
class StreamedDeliveryTest {

    private static final String ROUTED = text(DeliveryCodec.INSTANCE.encode(DeliveryCodecTest.routed()));

    @Test
    void readsAFirstRoutingAndADeferralAsTheTreeDoes() {
        Delivery routed = DeliveryCodecTest.routed();
        Delivery deferred = new Delivery(routed.deliveryId(), routed.subscriptionId(), routed.organizationId(),
                routed.eventId(), routed.eventType(), routed.createdAt(), routed.url(), routed.body(), routed.routedAt(), 0,
                Optional.of(Instant.parse("2026-11-26T12:00:16Z")), Optional.empty());
        for (Delivery delivery : List.of(routed, deferred)) {
            byte[] bytes = DeliveryCodec.write(delivery);
            assertThat(StreamedDelivery.read(bytes)).contains(delivery);
            assertThat(DeliveryCodec.decodeTree(bytes)).isEqualTo(delivery);
        }
    }

    @Test
    void leavesEverythingElseToTheTree() {
        Delivery routed = DeliveryCodecTest.routed();
        Delivery retry = routed.retryAfter(DeliveryCodecTest.failedAttempt(routed, 1, AttemptOutcome.RETRY_SCHEDULED),
                Instant.parse("2026-11-26T12:00:06Z"));
        List<String> others = List.of(
                // valid, but not the common shape
                text(DeliveryCodec.INSTANCE.encode(retry)),
                ROUTED.replace("{", "{\"extra\":[1,{\"a\":null}],"),
                ROUTED.replace("{", "{\"not_before\":null,"),
                ROUTED.replace("{", "{\"last_attempt\":null,"),
                ROUTED.replace("{", "{\"extra\":1e99999999999,"),
                // invalid
                ROUTED.replace("{", "{\"attempts\":0,"),
                ROUTED + " {}",
                ROUTED.replace("\"attempts\":0", "\"attempts\":1.0"),
                ROUTED.replace("\"attempts\":0", "\"attempts\":3000000000"),
                ROUTED.replace("\"attempts\":0", "\"attempts\":-1"),
                ROUTED.replace("\"attempts\":0", "\"attempts\":\"0\""),
                ROUTED.replaceFirst("\"url\":\"[^\"]*\"", "\"url\":\" \""),
                ROUTED.replaceFirst("\"delivery_id\":\"[^\"]*\"", "\"delivery_id\":\"not an id\""),
                ROUTED.replaceFirst("\"created_at\":\"[^\"]*\"", "\"created_at\":\"yesterday\""),
                ROUTED.replaceFirst("\"event_type\":\"[^\"]*\"", "\"event_type\":\"VIDEO_EXPLODED\""),
                ROUTED.replaceAll("\"body\":\"(\\\\.|[^\"\\\\])*\",", ""),
                ROUTED.replace("{", "{\"not_before\":\"soon\","),
                "[" + ROUTED + "]",
                "",
                "null");
        for (String other : others) {
            byte[] bytes = other.getBytes(StandardCharsets.UTF_8);
            assertThat(StreamedDelivery.read(bytes)).as(other).isEmpty();
            assertThat(Outcome.of(() -> DeliveryCodec.INSTANCE.decode(bytes))).as(other)
                    .isEqualTo(Outcome.of(() -> DeliveryCodec.decodeTree(bytes)));
        }
        // An overlong '/' (C0 AF), which Jackson alone would read.
        String[] around = ROUTED.split("/", 2);
        byte[] head = around[0].getBytes(StandardCharsets.UTF_8);
        byte[] tail = around[1].getBytes(StandardCharsets.UTF_8);
        byte[] overlong = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, overlong, 0, head.length);
        overlong[head.length] = (byte) 0xC0;
        overlong[head.length + 1] = (byte) 0xAF;
        System.arraycopy(tail, 0, overlong, head.length + 2, tail.length);
        assertThat(StreamedDelivery.read(overlong)).isEmpty();
        assertThat(Outcome.of(() -> DeliveryCodec.INSTANCE.decode(overlong)).error().orElseThrow()).contains("invalid UTF-8");
    }

    /** Random damage to a record: whatever the streaming reading takes, the tree takes too, as the same delivery. */
    @Test
    void neverTakesARecordTheTreeRefuses() {
        byte[] original = ROUTED.getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20261207);
        String alphabet = "{}[],:\"\\ 0123456789-.eE+abnrtu\u00e9";
        int taken = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] damaged = original.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                damaged[random.nextInt(damaged.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            Optional<Delivery> streamed = StreamedDelivery.read(damaged);
            if (streamed.isPresent()) {
                taken++;
                assertThat(Outcome.of(() -> DeliveryCodec.decodeTree(damaged))).isEqualTo(new Outcome(streamed, Optional.empty()));
            }
        }
        // Most single-byte changes inside the body or an id still make a valid record: the check ran.
        assertThat(taken).isGreaterThan(1_000);
    }

    private record Outcome(Optional<Delivery> delivery, Optional<String> error) {

        static Outcome of(java.util.function.Supplier<Delivery> decode) {
            try {
                return new Outcome(Optional.of(decode.get()), Optional.empty());
            } catch (RuntimeException e) {
                return new Outcome(Optional.empty(), Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
