package io.mediahooks.cli.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.RecordInput;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.SubscriptionCodec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A webhook as given by the flags of {@code webhook put}, turned into the subscription the
 * services will read. Validation is the codec's, so the CLI accepts exactly what the router does.
 */
public record SubscriptionInput(
        String id,
        String organization,
        String url,
        String events,
        List<String> hasTags,
        boolean disabled,
        Optional<String> description) {

    private static final Map<String, String> FLAGS = Map.of(
            "id", "--id", "organization_id", "--org", "url", "--url", "events", "--events",
            "conditions", "--has-tag", "description", "--description");

    /** The subscription these flags describe, or a usage error naming the flag at fault. */
    public Subscription toSubscription() {
        require(id, "--id");
        require(organization, "--org");
        require(url, "--url");
        require(events, "--events");
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("organization_id", organization);
        node.put("url", url);
        ArrayNode eventArray = node.putArray("events");
        parseEvents(events).forEach(eventArray::add);
        ArrayNode conditions = node.putArray("conditions");
        for (String tag : hasTags) {
            conditions.addObject().put("type", "has_tag").put("name", tag);
        }
        node.put("enabled", !disabled);
        description.ifPresent(text -> node.put("description", text));
        return RecordInput.decodeFlags(SubscriptionCodec.INSTANCE, Json.write(node), FLAGS, "webhook");
    }

    /**
     * Splits {@code VIDEO_READY,livestream_updated} into wire names. Names are upper-cased for
     * convenience; an unknown one is reported with the list of known ones.
     */
    static List<String> parseEvents(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.trim().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw CliException.usage("--events: empty entry in '" + text + "' (write e.g. VIDEO_READY,VIDEO_UPDATED or ALL)");
            }
            if (!name.equals(EventSelection.ALL) && EventType.fromWireName(name).isEmpty()) {
                throw CliException.usage("--events: unknown event type '" + part.trim() + "'; known types: "
                        + String.join(" ", Arrays.stream(EventType.values()).map(Enum::name).toList()) + ", or ALL");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.contains(EventSelection.ALL) && names.size() > 1) {
            throw CliException.usage("--events: ALL already selects every type; give ALL alone or a list of types");
        }
        return names;
    }

    private static void require(String value, String flag) {
        if (value == null || value.isBlank()) {
            throw CliException.usage(flag + " is required (or give the whole webhook with --file)");
        }
    }
}
