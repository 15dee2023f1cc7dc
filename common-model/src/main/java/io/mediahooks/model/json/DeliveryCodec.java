package io.mediahooks.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import java.io.IOException;

/**
 * The delivery JSON of {@code webhook-deliveries}, the retry topics and {@code webhook-dead-letters}:
 * <pre>{@code
 * {"delivery_id":"msg_...","subscription_id":"wh_1","organization_id":"org_42","event_id":"evt_7b1c0e",
 *  "event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","url":"https://...",
 *  "body":"{\"event_type\":...}","routed_at":"...","attempts":0,
 *  "not_before":"..." (retries only), "last_attempt":{attempt JSON} (retries and dead letters)}
 * }</pre>
 * {@code body} holds the exact text every attempt sends. A first routing, most of the records
 * written, is put together by {@link RoutedDeliveryWriter} from parts its event's deliveries share;
 * its bytes are those {@link #write} gives.
 */
public final class DeliveryCodec implements JsonCodec<Delivery> {

    public static final DeliveryCodec INSTANCE = new DeliveryCodec();

    @Override
    public Delivery decode(byte[] bytes) {
        return StreamedDelivery.read(bytes).orElseGet(() -> decodeTree(bytes));
    }

    /** Any delivery, valid or not, through the tree: what {@link StreamedDelivery} must agree with. */
    static Delivery decodeTree(byte[] bytes) {
        JsonFields fields = JsonFields.of(Json.parseObject(bytes));
        String typeName = fields.requireText("event_type");
        int attempts = fields.requireInt("attempts");
        if (attempts < 0) {
            throw new InvalidRecordException("attempts", "must not be negative");
        }
        return new Delivery(
                fields.requireTyped("delivery_id", DeliveryId::new),
                fields.requireTyped("subscription_id", SubscriptionId::new),
                fields.requireTyped("organization_id", OrganizationId::new),
                fields.requireTyped("event_id", EventId::new),
                EventType.fromWireName(typeName).orElseThrow(() ->
                        new InvalidRecordException("event_type", "unknown value " + JsonFields.abbreviate(typeName))),
                fields.requireTimestamp("created_at"),
                fields.requireText("url"),
                fields.requireText("body"),
                fields.requireTimestamp("routed_at").instant(),
                attempts,
                fields.optionalTimestamp("not_before").map(RfcTimestamp::instant),
                fields.optionalObject("last_attempt").map(node -> AttemptCodec.fromNode(JsonFields.at(node, "last_attempt"))));
    }

    @Override
    public byte[] encode(Delivery delivery) {
        return RoutedDeliveryWriter.write(delivery).orElseGet(() -> write(delivery));
    }

    /** Any delivery, field by field with the generator: what {@link RoutedDeliveryWriter}'s bytes must equal. */
    static byte[] write(Delivery delivery) {
        return Json.stream(256 + delivery.body().length() * 5 / 4, json -> {
            json.writeStartObject();
            json.writeStringField("delivery_id", delivery.deliveryId().value());
            json.writeStringField("subscription_id", delivery.subscriptionId().value());
            writeEventFields(json, delivery);
            json.writeStringField("url", delivery.url());
            writeRoutingFields(json, delivery);
            if (delivery.notBefore().isPresent()) {
                json.writeStringField("not_before", RfcTimestamp.of(delivery.notBefore().get()).text());
            }
            if (delivery.lastAttempt().isPresent()) {
                json.writeFieldName("last_attempt");
                AttemptCodec.write(json, delivery.lastAttempt().get());
            }
            json.writeEndObject();
        });
    }

    /** The fields every delivery of an event shares, before the URL. */
    static void writeEventFields(JsonGenerator json, Delivery delivery) throws IOException {
        json.writeStringField("organization_id", delivery.organizationId().value());
        json.writeStringField("event_id", delivery.eventId().value());
        json.writeStringField("event_type", delivery.eventType().name());
        json.writeStringField("created_at", delivery.createdAt().text());
    }

    /** The fields every first routing of an event shares, after the URL. */
    static void writeRoutingFields(JsonGenerator json, Delivery delivery) throws IOException {
        json.writeFieldName("body");
        EscapedText.write(json, delivery.body());
        json.writeStringField("routed_at", RfcTimestamp.of(delivery.routedAt()).text());
        json.writeNumberField("attempts", delivery.attempts());
    }
}
