package io.mediahooks.model.json;

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
        return Json.write(toNode(attempt));
    }

    static ObjectNode toNode(Attempt attempt) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("delivery_id", attempt.deliveryId().value());
        node.put("subscription_id", attempt.subscriptionId().value());
        node.put("organization_id", attempt.organizationId().value());
        node.put("event_id", attempt.eventId().value());
        node.put("event_type", attempt.eventType().name());
        node.put("attempt", attempt.attempt());
        node.put("url", attempt.url());
        if (attempt.status().isPresent()) {
            node.put("status", attempt.status().getAsInt());
        } else {
            node.putNull("status");
        }
        if (attempt.error().isPresent()) {
            node.put("error", attempt.error().get());
        } else {
            node.putNull("error");
        }
        node.put("duration_ms", attempt.durationMs());
        node.put("attempted_at", RfcTimestamp.of(attempt.attemptedAt()).text());
        node.put("outcome", attempt.outcome().wireName());
        Attempt.Exchange exchange = attempt.exchange();
        if (!exchange.requestHeaders().isEmpty()) {
            ObjectNode headers = node.putObject("request_headers");
            exchange.requestHeaders().forEach(headers::put);
        }
        exchange.responseBody().ifPresent(body -> node.put("response_body", body));
        return node;
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
