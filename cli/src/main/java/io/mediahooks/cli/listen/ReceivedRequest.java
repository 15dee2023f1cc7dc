package io.mediahooks.cli.listen;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahooks.model.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One request as the receiver saw it and answered it: what a developer reads, one line each.
 *
 * @param attempt  how many times this {@code webhook-id} has arrived so far, this one included
 * @param verified whether both signatures verified
 * @param note     why it was rejected, or that it failed on purpose; null otherwise
 * @param latency  from the event's {@code created_at} to its arrival here, when the body has one
 */
public record ReceivedRequest(String path, String eventType, String eventId, String webhookId, int attempt,
                              boolean verified, int status, String note, Optional<Duration> latency,
                              Map<String, List<String>> headers, byte[] body) {

    /** The request's event type, event id and age, read from a body that follows the contract (placeholders otherwise). */
    static ReceivedRequest of(String path, String webhookId, int attempt, boolean verified, int status, String note,
                              Instant arrived, Map<String, List<String>> headers, byte[] body) {
        String type = "?";
        String id = "?";
        Optional<Duration> latency = Optional.empty();
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                type = node.path("event_type").asText("?");
                id = node.path("event_id").asText("?");
                latency = age(node.path("created_at").asText(""), arrived);
            }
        } catch (IOException e) {
            type = "(body is not JSON)";
            id = "";
        }
        return new ReceivedRequest(path, type, id, webhookId == null ? "(none)" : webhookId, attempt, verified, status, note,
                latency, headers, body);
    }

    private static Optional<Duration> age(String createdAt, Instant arrived) {
        try {
            return Optional.of(Duration.between(Instant.parse(createdAt), arrived));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code verified 200 VIDEO_READY evt_1 webhook-id msg_1 attempt 1 latency 35 ms /hooks/wh_demo}. */
    public String line() {
        StringJoiner line = new StringJoiner(" ");
        line.add(verified ? "verified" : "REJECTED").add(Integer.toString(status)).add(eventType);
        if (!eventId.isEmpty()) {
            line.add(eventId);
        }
        line.add("webhook-id").add(webhookId).add("attempt").add(Integer.toString(attempt));
        line.add("latency").add(latency.map(ReceivedRequest::format).orElse("?"));
        line.add(path);
        return note == null ? line.toString() : line + " (" + note + ")";
    }

    /** The headers, sorted by name, and the body as received: what {@code --verbose} adds under the line. */
    public List<String> details() {
        Map<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        StringJoiner text = new StringJoiner("\n");
        sorted.forEach((name, values) -> values.forEach(value -> text.add("    " + name + ": " + value)));
        text.add("    ");
        new String(body, StandardCharsets.UTF_8).lines().forEach(bodyLine -> text.add("    " + bodyLine));
        return text.toString().lines().toList();
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (Math.abs(millis) < 10_000) {
            return millis + " ms";
        }
        if (Math.abs(millis) < 120_000) {
            return millis / 1000 + " s";
        }
        return duration.toMinutes() + " min";
    }
}
