package io.mediahooks.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the common delivery, a first routing or a deferral, in one pass of the streaming parser,
 * without building a tree: the worker decodes every delivery it takes, and the tree cost it about
 * 6% of its CPU. It takes only what it is sure of: each field known and of its type, none null or
 * blank, no {@code last_attempt}, nothing after the object. Anything else, valid or not, it leaves to
 * {@link DeliveryCodec}'s tree reading, which accepts or rejects it as it always did and names what is
 * wrong. So a record this reads is one the tree reading accepts, and the delivery is the same.
 */
final class StreamedDelivery {

    /** The parser features of {@link Json#MAPPER}: duplicate keys and non-numeric numbers refused. */
    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private StreamedDelivery() {
    }

    /** The delivery in {@code bytes}, or empty when the tree reading must decide. */
    static Optional<Delivery> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        try {
            Utf8.requireWellFormed(bytes);
            try (JsonParser json = FACTORY.createParser(bytes)) {
                return read(json);
            }
        } catch (IOException | RuntimeException e) {
            // A syntax error, a duplicate key, a value a constructor refuses: the tree reading reports it.
            return Optional.empty();
        }
    }

    private static Optional<Delivery> read(JsonParser json) throws IOException {
        if (json.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
        }
        String deliveryId = null;
        String subscriptionId = null;
        String organizationId = null;
        String eventId = null;
        String eventType = null;
        String createdAt = null;
        String url = null;
        String body = null;
        String routedAt = null;
        String notBefore = null;
        int attempts = -1;
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("attempts")) {
                if (value != JsonToken.VALUE_NUMBER_INT || json.getNumberType() != JsonParser.NumberType.INT) {
                    return Optional.empty();
                }
                attempts = json.getIntValue();
                continue;
            }
            if (value != JsonToken.VALUE_STRING) {
                return Optional.empty();
            }
            String text = json.getText();
            if (text.isBlank()) {
                return Optional.empty();
            }
            switch (field) {
                case "delivery_id" -> deliveryId = text;
                case "subscription_id" -> subscriptionId = text;
                case "organization_id" -> organizationId = text;
                case "event_id" -> eventId = text;
                case "event_type" -> eventType = text;
                case "created_at" -> createdAt = text;
                case "url" -> url = text;
                case "body" -> body = text;
                case "routed_at" -> routedAt = text;
                case "not_before" -> notBefore = text;
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (token != JsonToken.END_OBJECT || json.nextToken() != null || attempts < 0 || deliveryId == null
                || subscriptionId == null || organizationId == null || eventId == null || eventType == null
                || createdAt == null || url == null || body == null || routedAt == null) {
            return Optional.empty();
        }
        Optional<EventType> type = EventType.fromWireName(eventType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> due = notBefore == null ? Optional.empty() : Optional.of(RfcTimestamp.parse(notBefore).instant());
        return Optional.of(new Delivery(new DeliveryId(deliveryId), new SubscriptionId(subscriptionId),
                new OrganizationId(organizationId), new EventId(eventId), type.get(), RfcTimestamp.parse(createdAt), url, body,
                RfcTimestamp.parse(routedAt).instant(), attempts, due, Optional.empty()));
    }
}
