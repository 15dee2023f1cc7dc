package io.mediahooks.api.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.Json;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON of a recover job on the API's jobs topic. Only the API reads and writes this topic; its
 * shape is the job of {@code GET /v1/jobs/{id}} plus the organization.
 */
public final class RecoverJobCodec {

    private RecoverJobCodec() {
    }

    public static ObjectNode toNode(RecoverJob job) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", job.id());
        node.put("type", "recover");
        node.put("organization_id", job.organizationId().value());
        node.put("webhook_id", job.subscriptionId().value());
        node.put("since", RfcTimestamp.of(job.since()).text());
        job.until().ifPresentOrElse(until -> node.put("until", RfcTimestamp.of(until).text()), () -> node.putNull("until"));
        node.put("state", job.state().wireName());
        node.put("matched", job.matched());
        node.put("replayed", job.replayed());
        job.error().ifPresentOrElse(error -> node.put("error", error), () -> node.putNull("error"));
        node.put("created_at", RfcTimestamp.of(job.createdAt()).text());
        node.put("updated_at", RfcTimestamp.of(job.updatedAt()).text());
        return node;
    }

    public static byte[] encode(RecoverJob job) {
        return Json.write(toNode(job));
    }

    public static RecoverJob decode(byte[] bytes) {
        ObjectNode node = Json.parseObject(bytes);
        try {
            return new RecoverJob(
                    text(node, "id"),
                    new OrganizationId(text(node, "organization_id")),
                    new SubscriptionId(text(node, "webhook_id")),
                    time(node, "since"),
                    node.hasNonNull("until") ? Optional.of(time(node, "until")) : Optional.empty(),
                    RecoverJob.State.valueOf(text(node, "state").toUpperCase(Locale.ROOT)),
                    node.path("matched").asInt(),
                    node.path("replayed").asInt(),
                    node.hasNonNull("error") ? Optional.of(node.get("error").asText()) : Optional.empty(),
                    time(node, "created_at"),
                    time(node, "updated_at"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("", "not a recover job: " + e.getMessage(), e);
        }
    }

    private static String text(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new InvalidRecordException(field, "required field is missing");
        }
        return value.textValue();
    }

    private static Instant time(ObjectNode node, String field) {
        return RfcTimestamp.parse(text(node, field)).instant();
    }
}
