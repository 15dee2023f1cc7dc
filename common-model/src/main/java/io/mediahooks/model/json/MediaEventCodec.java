package io.mediahooks.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import java.util.ArrayList;
import java.util.List;

/** The media event JSON of SPEC.md, and the body customers receive for it. */
public final class MediaEventCodec implements JsonCodec<MediaEvent> {

    public static final MediaEventCodec INSTANCE = new MediaEventCodec();

    @Override
    public MediaEvent decode(byte[] bytes) {
        JsonFields fields = JsonFields.of(Json.parseObject(bytes));
        EventId eventId = fields.requireTyped("event_id", EventId::new);
        String typeName = fields.requireText("event_type");
        EventType type = EventType.fromWireName(typeName).orElseThrow(() ->
                new InvalidRecordException("event_type", "unknown value " + JsonFields.abbreviate(typeName)));
        var createdAt = fields.requireTimestamp("created_at");
        OrganizationId organization = fields.requireTyped("organization_id", OrganizationId::new);
        ObjectNode payload = fields.requireObject("payload");
        return new MediaEvent(eventId, type, createdAt, organization, payload, tags(payload));
    }

    private static List<String> tags(ObjectNode payload) {
        JsonNode tags = payload.get("tags");
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray()) {
            throw new InvalidRecordException("payload.tags", "expected an array of strings, got " + JsonFields.kind(tags));
        }
        List<String> names = new ArrayList<>(tags.size());
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (!tag.isTextual()) {
                throw new InvalidRecordException("payload.tags[" + i + "]", "expected a string, got " + JsonFields.kind(tag));
            }
            names.add(tag.textValue());
        }
        return names;
    }

    @Override
    public byte[] encode(MediaEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("event_id", event.eventId().value());
        node.put("event_type", event.eventType().name());
        node.put("created_at", event.createdAt().text());
        node.put("organization_id", event.organizationId().value());
        node.set("payload", event.payload());
        return Json.write(node);
    }

    /**
     * The body every attempt of a delivery of {@code event} sends, in SPEC's field order:
     * {@code event_type}, {@code event_id}, {@code created_at}, {@code payload}.
     */
    public static String deliveryBody(MediaEvent event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("event_type", event.eventType().name());
        node.put("event_id", event.eventId().value());
        node.put("created_at", event.createdAt().text());
        node.set("payload", event.payload());
        return Json.writeString(node);
    }

    /** Builds a payload with tags, handy for producers and tests. */
    public static ObjectNode payload(String id, String name, List<String> tags) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("id", id);
        payload.put("name", name);
        ArrayNode array = payload.putArray("tags");
        tags.forEach(array::add);
        return payload;
    }
}
