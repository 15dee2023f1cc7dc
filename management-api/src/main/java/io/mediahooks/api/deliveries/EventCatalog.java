package io.mediahooks.api.deliveries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.EventType;
import io.mediahooks.model.json.Json;
import java.util.Locale;

/** What each event type means and an example payload: the catalog of {@code GET /v1/event-types}, and test events. */
public final class EventCatalog {

    private EventCatalog() {
    }

    /** Video, Playlist, Livestream or Livesource. */
    public static String group(EventType type) {
        String head = type.name().substring(0, type.name().indexOf('_'));
        return head.charAt(0) + head.substring(1).toLowerCase(Locale.ROOT);
    }

    public static String description(EventType type) {
        String thing = switch (group(type)) {
            case "Video" -> "A video";
            case "Playlist" -> "A playlist";
            case "Livestream" -> "A livestream";
            default -> "A live source (encoder input)";
        };
        return switch (type) {
            case VIDEO_READY -> "A video finished encoding and can be played.";
            case LIVESTREAM_ERROR -> "A livestream reported an error.";
            default -> thing + " was " + type.name().substring(type.name().indexOf('_') + 1).toLowerCase(Locale.ROOT) + ".";
        };
    }

    /** An example payload of {@code type}: an id, a name and tags. */
    public static ObjectNode examplePayload(EventType type) {
        String prefix = switch (group(type)) {
            case "Video" -> "vid";
            case "Playlist" -> "pl";
            case "Livestream" -> "ls";
            default -> "src";
        };
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("id", prefix + "_example");
        payload.put("name", "Example " + group(type).toLowerCase(Locale.ROOT));
        payload.putArray("tags").add("example");
        return payload;
    }
}
