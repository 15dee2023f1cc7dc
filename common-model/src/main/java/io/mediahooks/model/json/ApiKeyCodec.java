package io.mediahooks.model.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.ApiKey;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;

/**
 * The API key JSON of {@code webhook-api-keys}:
 * {@code {"id":"key_…","organization_id":"org_42","sha256":"<hex>","created_at":"…","description":"…"}}.
 */
public final class ApiKeyCodec implements JsonCodec<ApiKey> {

    public static final ApiKeyCodec INSTANCE = new ApiKeyCodec();

    @Override
    public ApiKey decode(byte[] bytes) {
        JsonFields fields = JsonFields.of(Json.parseObject(bytes));
        String id = fields.requireText("id");
        if (!ApiKey.isValidId(id)) {
            throw new InvalidRecordException("id", "expected key_ and 16 lowercase hex digits");
        }
        OrganizationId organization = fields.requireTyped("organization_id", OrganizationId::new);
        String sha256 = fields.requireText("sha256");
        try {
            return new ApiKey(id, organization, sha256, fields.requireTimestamp("created_at").instant(),
                    fields.optionalText("description"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("sha256", e.getMessage(), e);
        }
    }

    @Override
    public byte[] encode(ApiKey key) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", key.id());
        node.put("organization_id", key.organizationId().value());
        node.put("sha256", key.sha256());
        node.put("created_at", RfcTimestamp.of(key.createdAt()).text());
        key.description().ifPresent(description -> node.put("description", description));
        return Json.write(node);
    }
}
