package io.mediahooks.model.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.RfcTimestamp;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes the deliveries the router makes, which are most of the records written. An event's
 * deliveries differ only in their id, webhook and URL; the rest (organization, event, type,
 * created_at, the escaped body, routed_at, no attempt yet) is written once per event by the
 * generator, and each delivery splices its three strings in between. The bytes are exactly those
 * of {@link DeliveryCodec}'s generator: the shared parts come from it, and the three strings are
 * escaped by Jackson's own encoder, which escapes as the generator does for every character but
 * those beyond U+FFFF (the generator writes a surrogate pair as two escapes, the encoder as UTF-8),
 * so a string holding one is left to the generator. Each thread remembers its last event.
 */
final class RoutedDeliveryWriter {

    private static final ThreadLocal<Shared> LAST = new ThreadLocal<>();
    private static final byte[] OPEN = ascii("{\"delivery_id\":\"");
    private static final byte[] TO_SUBSCRIPTION = ascii("\",\"subscription_id\":\"");
    private static final byte[] QUOTE_COMMA = ascii("\",");
    private static final byte[] TO_URL = ascii(",\"url\":\"");
    private static final byte[] CLOSE = ascii("}");

    private RoutedDeliveryWriter() {
    }

    /** The delivery's JSON when it is a first routing (no attempt yet) without a surrogate pair in its own strings; else empty. */
    static Optional<byte[]> write(Delivery delivery) {
        if (delivery.attempts() != 0 || delivery.notBefore().isPresent() || delivery.lastAttempt().isPresent()) {
            return Optional.empty();
        }
        String id = delivery.deliveryId().value();
        String subscription = delivery.subscriptionId().value();
        String url = delivery.url();
        if (hasSurrogate(id) || hasSurrogate(subscription) || hasSurrogate(url)) {
            return Optional.empty();
        }
        Shared shared = LAST.get();
        if (shared == null || !shared.sharedBy(delivery)) {
            shared = Shared.of(delivery);
            LAST.set(shared);
        }
        JsonStringEncoder encoder = JsonStringEncoder.getInstance();
        return Optional.of(concat(OPEN, encoder.quoteAsUTF8(id), TO_SUBSCRIPTION, encoder.quoteAsUTF8(subscription),
                QUOTE_COMMA, shared.event, TO_URL, encoder.quoteAsUTF8(url), QUOTE_COMMA, shared.routing, CLOSE));
    }

    /**
     * What an event's deliveries share, as the generator writes it: {@code event} is
     * {@code "organization_id":…,"created_at":"…"} and {@code routing} is
     * {@code "body":"…","routed_at":"…","attempts":0}, each an object's fields without its braces.
     */
    private record Shared(Delivery first, byte[] event, byte[] routing) {

        static Shared of(Delivery delivery) {
            byte[] event = Json.stream(128, json -> {
                json.writeStartObject();
                DeliveryCodec.writeEventFields(json, delivery);
                json.writeEndObject();
            });
            byte[] routing = Json.stream(64 + delivery.body().length() * 5 / 4, json -> {
                json.writeStartObject();
                DeliveryCodec.writeRoutingFields(json, delivery);
                json.writeEndObject();
            });
            return new Shared(delivery, fields(event), fields(routing));
        }

        /** Whether {@code delivery} shares these parts; the body is compared by identity, as the router shares the one string. */
        boolean sharedBy(Delivery delivery) {
            return delivery.body() == first.body()
                    && delivery.routedAt().equals(first.routedAt())
                    && delivery.eventId().equals(first.eventId())
                    && delivery.organizationId().equals(first.organizationId())
                    && delivery.eventType() == first.eventType()
                    && sameTimestamp(delivery.createdAt(), first.createdAt());
        }

        private static boolean sameTimestamp(RfcTimestamp a, RfcTimestamp b) {
            return a.text().equals(b.text());
        }

        private static byte[] fields(byte[] object) {
            return Arrays.copyOfRange(object, 1, object.length - 1);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
