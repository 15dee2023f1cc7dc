package io.mediahooks.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The attempt JSON of {@code webhook-attempts} (SPEC.md, "Attempt log"). */
public final class AttemptCodec implements JsonCodec<Attempt> {

    public static final AttemptCodec INSTANCE = new AttemptCodec();

    @Override
    public Attempt decode(byte[] bytes) {
        return fromNode(JsonFields.of(Json.parseObject(bytes)));
    }

    @Override
    public byte[] encode(Attempt attempt) {
        return Json.stream(256, json -> write(json, attempt));
    }

    /** Writes {@code attempt} as one JSON object, field by field (no tree: this runs for every attempt). */
    static void write(JsonGenerator json, Attempt attempt) throws IOException {
        json.writeStartObject();
        json.writeStringField("delivery_id", attempt.deliveryId().value());
        json.writeStringField("subscription_id", attempt.subscriptionId().value());
        json.writeStringField("organization_id", attempt.organizationId().value());
        json.writeStringField("event_id", attempt.eventId().value());
        json.writeStringField("event_type", attempt.eventType().name());
        json.writeNumberField("attempt", attempt.attempt());
        json.writeStringField("url", attempt.url());
        json.writeFieldName("status");
        if (attempt.status().isPresent()) {
            json.writeNumber(attempt.status().getAsInt());
        } else {
            json.writeNull();
        }
        json.writeStringField("error", attempt.error().orElse(null));
        json.writeNumberField("duration_ms", attempt.durationMs());
        json.writeStringField("attempted_at", RfcTimestamp.of(attempt.attemptedAt()).text());
        json.writeStringField("outcome", attempt.outcome().wireName());
        Attempt.Exchange exchange = attempt.exchange();
        if (!exchange.requestHeaders().isEmpty()) {
            json.writeObjectFieldStart("request_headers");
            for (Map.Entry<String, String> header : exchange.requestHeaders().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
        }
        if (exchange.responseBody().isPresent()) {
            json.writeStringField("response_body", exchange.responseBody().get());
        }
        json.writeEndObject();
    }

    static Attempt fromNode(JsonFields fields) {
        String typeName = fields.requireText("event_type");
        String outcomeName = fields.requireText("outcome");
        Optional<Integer> status = fields.optionalInt("status");
        return new Attempt(
                fields.requireTyped("delivery_id", DeliveryId::new),
                fields.requireTyped("subscription_id", SubscriptionId::new),
                fields.requireTyped("organization_id", OrganizationId::new),
                fields.requireTyped("event_id", EventId::new),
                EventType.fromWireName(typeName).orElseThrow(() ->
                        new InvalidRecordException(fields.path("event_type"), "unknown value " + JsonFields.abbreviate(typeName))),
                fields.requireInt("attempt"),
                fields.requireText("url"),
                status.map(OptionalInt::of).orElse(OptionalInt.empty()),
                fields.optionalText("error"),
                fields.requireLong("duration_ms"),
                fields.requireTimestamp("attempted_at").instant(),
                AttemptOutcome.fromWireName(outcomeName).orElseThrow(() ->
                        new InvalidRecordException(fields.path("outcome"), "unknown value " + JsonFields.abbreviate(outcomeName))),
                new Attempt.Exchange(headers(fields), fields.optionalText("response_body")));
    }

    /** {@code request_headers}: an object of strings, optional (records written before it was kept have none). */
    private static Map<String, String> headers(JsonFields fields) {
        Optional<ObjectNode> node = fields.optionalObject("request_headers");
        if (node.isEmpty()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        node.get().fields().forEachRemaining(header -> {
            if (!header.getValue().isTextual()) {
                throw new InvalidRecordException(fields.path("request_headers") + "." + header.getKey(),
                        "expected a string, got " + JsonFields.kind(header.getValue()));
            }
            headers.put(header.getKey(), header.getValue().textValue());
        });
        return headers;
    }
}
