package io.mediahooks.cli.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.RecordInput;
import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.MediaEventCodec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A media event as given by the flags of {@code event publish}: a generated id and the current
 * time unless given, tags merged into the payload. Validated by the router's own codec.
 */
public record EventInput(
        String type,
        String organization,
        Optional<String> id,
        Optional<String> createdAt,
        List<String> tags,
        Optional<String> payload) {

    private static final Map<String, String> FLAGS = Map.of(
            "event_id", "--id", "event_type", "--type", "created_at", "--created-at", "organization_id", "--org",
            "payload", "--payload");

    /** The event these flags describe, or a usage error naming the flag at fault. */
    public MediaEvent toEvent(Instant now, SecureRandom random) {
        if (type == null || type.isBlank()) {
            throw CliException.usage("--type is required (or give the whole event with --file)");
        }
        if (organization == null || organization.isBlank()) {
            throw CliException.usage("--org is required (or give the whole event with --file)");
        }
        String typeName = type.trim().toUpperCase(Locale.ROOT);
        if (EventType.fromWireName(typeName).isEmpty()) {
            throw CliException.usage("--type: unknown event type '" + type + "'; known types: "
                    + String.join(" ", Arrays.stream(EventType.values()).map(Enum::name).toList()));
        }
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("event_id", id.orElseGet(() -> newEventId(random)));
        node.put("event_type", typeName);
        node.put("created_at", createdAt.orElseGet(() -> RfcTimestamp.of(now.truncatedTo(ChronoUnit.MILLIS)).text()));
        node.put("organization_id", organization);
        node.set("payload", payloadWithTags());
        return RecordInput.decodeFlags(MediaEventCodec.INSTANCE, Json.write(node), FLAGS, "event");
    }

    /** {@code evt_} and 16 random hex digits: unique enough that the router's 24-hour de-duplication never bites. */
    public static String newEventId(SecureRandom random) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "evt_" + HexFormat.of().formatHex(bytes);
    }

    private ObjectNode payloadWithTags() {
        ObjectNode node;
        if (payload.isPresent()) {
            try {
                node = Json.parseObject(payload.get().getBytes(StandardCharsets.UTF_8));
            } catch (InvalidRecordException e) {
                throw CliException.usage("--payload: " + e.getMessage() + " (give a JSON object, e.g. '{\"id\":\"vid_9\"}')", e);
            }
        } else {
            node = Json.MAPPER.createObjectNode();
        }
        if (!tags.isEmpty()) {
            JsonNode existing = node.get("tags");
            if (existing != null && !existing.isNull()) {
                throw CliException.usage("--tags: the --payload already has tags; give them in one place");
            }
            ArrayNode array = node.putArray("tags");
            tags.stream().map(String::trim).filter(tag -> !tag.isEmpty()).forEach(array::add);
        }
        return node;
    }
}
