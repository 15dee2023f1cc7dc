package io.mediahooks.model.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import java.util.OptionalLong;

/** The JSON of {@code webhook-operational-events}; the fields are documented on {@link OperationalEvent}. */
public final class OperationalEventCodec implements JsonCodec<OperationalEvent> {

    public static final OperationalEventCodec INSTANCE = new OperationalEventCodec();

    @Override
    public OperationalEvent decode(byte[] bytes) {
        JsonFields fields = JsonFields.of(Json.parseObject(bytes));
        String typeName = fields.requireText("type");
        OptionalLong offset = fields.optionalLong("subscription_offset");
        try {
            return new OperationalEvent(
                    fields.requireTyped("subscription_id", SubscriptionId::new),
                    fields.requireTyped("organization_id", OrganizationId::new),
                    OperationalEvent.Type.fromWireName(typeName).orElseThrow(() ->
                            new InvalidRecordException(fields.path("type"), "unknown value " + JsonFields.abbreviate(typeName))),
                    fields.requireTimestamp("at").instant(),
                    fields.requireText("url"),
                    fields.requireText("reason"),
                    fields.optionalTimestamp("failing_since").map(RfcTimestamp::instant),
                    offset);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(fields.path("subscription_offset"), e.getMessage());
        }
    }

    @Override
    public byte[] encode(OperationalEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("subscription_id", event.subscriptionId().value());
        node.put("organization_id", event.organizationId().value());
        node.put("type", event.type().wireName());
        node.put("at", RfcTimestamp.of(event.at()).text());
        node.put("url", event.url());
        node.put("reason", event.reason());
        event.failingSince().ifPresent(since -> node.put("failing_since", RfcTimestamp.of(since).text()));
        if (event.subscriptionOffset().isPresent()) {
            node.put("subscription_offset", event.subscriptionOffset().getAsLong());
        }
        return Json.write(node);
    }
}
