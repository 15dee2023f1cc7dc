package io.mediahooks.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.http.Requests;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.safety.UrlPolicy;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What a client may set on a webhook, validated by the common-model codec and the shared URL policy
 * (no second copy of the rules here): the codec's errors name the field, and unknown fields are
 * refused by name.
 */
public final class WebhookInput {

    static final Set<String> FIELDS = Set.of("url", "events", "conditions", "enabled", "description");
    private static final Set<String> CONDITION_FIELDS = Set.of("type", "name");
    static final int MAX_DESCRIPTION = 1_000;

    private WebhookInput() {
    }

    /** The webhook {@code input} describes, with the server's id, organization and lifecycle; 422 naming the field. */
    public static Subscription toSubscription(ObjectNode input, SubscriptionId id, OrganizationId organization,
                                              Subscription.Lifecycle lifecycle, UrlPolicy policy) {
        Requests.rejectUnknownFields(input, FIELDS);
        JsonNode conditions = input.get("conditions");
        if (conditions != null && conditions.isArray()) {
            for (int i = 0; i < conditions.size(); i++) {
                if (conditions.get(i).isObject()) {
                    rejectUnknown((ObjectNode) conditions.get(i), "conditions[" + i + "].");
                }
            }
        }
        Requests.optionalText(input, "description").filter(text -> text.length() > MAX_DESCRIPTION).ifPresent(text -> {
            throw ApiProblem.invalid("description", "longer than " + MAX_DESCRIPTION + " characters");
        });
        ObjectNode record = input.deepCopy();
        record.put("id", id.value());
        record.put("organization_id", organization.value());
        lifecycle.createdAt().ifPresent(at -> record.put("created_at", RfcTimestamp.of(at).text()));
        lifecycle.updatedAt().ifPresent(at -> record.put("updated_at", RfcTimestamp.of(at).text()));
        // The codec throws InvalidRecordException naming the field; the error mapper makes it a 422.
        Subscription subscription = SubscriptionCodec.INSTANCE.decode(Json.write(record));
        policy.refusal(subscription.url()).ifPresent(reason -> {
            throw ApiProblem.invalid("url", reason);
        });
        return subscription;
    }

    /** The client-settable fields of {@code webhook}: what a merge patch applies to. */
    public static ObjectNode of(Subscription webhook) {
        ObjectNode full = Json.parseObject(SubscriptionCodec.INSTANCE.encode(webhook));
        ObjectNode input = Json.MAPPER.createObjectNode();
        for (String field : new String[] {"url", "events", "conditions", "enabled", "description"}) {
            if (full.has(field)) {
                input.set(field, full.get(field));
            }
        }
        return input;
    }

    /** RFC 7396 JSON merge patch: objects merge, {@code null} removes, anything else replaces. */
    public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static void rejectUnknown(ObjectNode condition, String path) {
        for (Iterator<String> names = condition.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!CONDITION_FIELDS.contains(name)) {
                throw ApiProblem.invalid(path + name, "unknown field; a condition has only type and name");
            }
        }
    }
}
