package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The spliced bytes of a first routing must be exactly the generator's, whatever the strings hold. */
class RoutedDeliveryWriterTest {

    private static final Instant ROUTED = Instant.parse("2026-11-26T12:00:01.123456789Z");

    /** Strings that exercise every escaping rule: quotes, backslashes, controls, non-ASCII, a lone and a paired surrogate. */
    private static final List<String> TRICKY = List.of(
            "plain", "with \"quotes\"", "back\\slash", "tab\there", "line\nbreak", "nul\u0000byte", "del\u007f",
            "Finäl ✓", "日本語の動画", "emoji 🎬 clip", "lone \ud83c surrogate", "</script>", "a/b", "\u2028\u2029",
            "percent%20encoded?q=a&b=c#frag");

    @Test
    void theSpecExampleIsWrittenExactlyAsTheGeneratorWritesIt() {
        Delivery delivery = DeliveryCodecTest.routed();
        assertSameBytes(delivery);
        assertThat(RoutedDeliveryWriter.write(delivery)).isPresent();
    }

    @Test
    void everyDeliveryOfInterleavedEventsMatchesTheGenerator() {
        Random random = new Random(42);
        List<Delivery> deliveries = new ArrayList<>();
        for (int event = 0; event < 200; event++) {
            String body = "{\"event_type\":\"VIDEO_READY\",\"payload\":{\"name\":\"" + pick(random) + "\"}}";
            String eventId = "evt_" + event + pickId(random);
            RfcTimestamp createdAt = RfcTimestamp.parse("2026-11-26T13:00:00.500+01:00");
            Instant routedAt = ROUTED.plusMillis(random.nextInt(3));
            for (int webhook = 0; webhook < 1 + random.nextInt(4); webhook++) {
                String subscription = "wh_" + webhook + pickId(random);
                deliveries.add(new Delivery(new DeliveryId("dlv_" + event + "_" + webhook + pickId(random).replace(' ', '_').replace('.', '_')),
                        new SubscriptionId(subscription), new OrganizationId("org_" + random.nextInt(3)),
                        new EventId(eventId), EventType.values()[random.nextInt(EventType.values().length)], createdAt,
                        "https://hooks.example.com/" + pick(random), body, routedAt, 0, Optional.empty(), Optional.empty()));
            }
        }
        // In order (the router's case: an event's deliveries together), then shuffled (a cache hit must never be assumed).
        deliveries.forEach(RoutedDeliveryWriterTest::assertSameBytes);
        java.util.Collections.shuffle(deliveries, random);
        deliveries.forEach(RoutedDeliveryWriterTest::assertSameBytes);
    }

    @Test
    void aDeliveryThatDiffersOnlyInOneSharedFieldIsNotGivenTheCachedParts() {
        Delivery first = DeliveryCodecTest.routed();
        String sameText = new String(first.body().toCharArray());
        List<Delivery> variants = List.of(
                new Delivery(first.deliveryId(), first.subscriptionId(), first.organizationId(), first.eventId(), first.eventType(),
                        first.createdAt(), first.url(), sameText.replace("Final", "Other"), first.routedAt(), 0, Optional.empty(), Optional.empty()),
                new Delivery(first.deliveryId(), first.subscriptionId(), first.organizationId(), first.eventId(), first.eventType(),
                        first.createdAt(), first.url(), first.body(), first.routedAt().plusNanos(1), 0, Optional.empty(), Optional.empty()),
                new Delivery(first.deliveryId(), first.subscriptionId(), new OrganizationId("org_43"), first.eventId(), first.eventType(),
                        first.createdAt(), first.url(), first.body(), first.routedAt(), 0, Optional.empty(), Optional.empty()),
                new Delivery(first.deliveryId(), first.subscriptionId(), first.organizationId(), new EventId("evt_other"), first.eventType(),
                        first.createdAt(), first.url(), first.body(), first.routedAt(), 0, Optional.empty(), Optional.empty()),
                new Delivery(first.deliveryId(), first.subscriptionId(), first.organizationId(), first.eventId(), EventType.PLAYLIST_CREATED,
                        first.createdAt(), first.url(), first.body(), first.routedAt(), 0, Optional.empty(), Optional.empty()),
                new Delivery(first.deliveryId(), first.subscriptionId(), first.organizationId(), first.eventId(), first.eventType(),
                        RfcTimestamp.parse("2026-11-26T13:00:00+01:00"), first.url(), first.body(), first.routedAt(), 0,
                        Optional.empty(), Optional.empty()));
        for (Delivery variant : variants) {
            assertSameBytes(first);
            assertSameBytes(variant);
        }
    }

    @Test
    void retriesAndDeadLettersAreLeftToTheGenerator() {
        Delivery delivery = DeliveryCodecTest.routed();
        Delivery retry = delivery.retryAfter(DeliveryCodecTest.failedAttempt(delivery, 1, io.mediahooks.model.AttemptOutcome.RETRY_SCHEDULED),
                ROUTED.plusSeconds(5));
        assertThat(RoutedDeliveryWriter.write(retry)).isEmpty();
        assertSameBytes(retry);
    }

    @Test
    void aSurrogatePairInTheDeliverysOwnStringsIsLeftToTheGenerator() {
        Delivery delivery = DeliveryCodecTest.routed();
        Delivery emojiUrl = new Delivery(delivery.deliveryId(), delivery.subscriptionId(), delivery.organizationId(), delivery.eventId(),
                delivery.eventType(), delivery.createdAt(), "https://hooks.example.com/🎬", delivery.body(), delivery.routedAt(), 0,
                Optional.empty(), Optional.empty());
        assertThat(RoutedDeliveryWriter.write(emojiUrl)).isEmpty();
        assertSameBytes(emojiUrl);
    }

    private static void assertSameBytes(Delivery delivery) {
        byte[] encoded = DeliveryCodec.INSTANCE.encode(delivery);
        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo(new String(DeliveryCodec.write(delivery), StandardCharsets.UTF_8));
        assertThat(encoded).isEqualTo(DeliveryCodec.write(delivery));
        assertThat(DeliveryCodec.INSTANCE.decode(encoded)).isEqualTo(delivery);
    }

    /** A tricky string an id may hold: ids refuse control characters. */
    private static String pickId(Random random) {
        StringBuilder id = new StringBuilder(pick(random));
        for (int i = 0; i < id.length(); i++) {
            if (Character.isISOControl(id.charAt(i))) {
                id.setCharAt(i, '_');
            }
        }
        return id.toString();
    }

    private static String pick(Random random) {
        return TRICKY.get(random.nextInt(TRICKY.size()));
    }
}
