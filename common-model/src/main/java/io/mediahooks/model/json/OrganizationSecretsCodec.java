package io.mediahooks.model.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import java.util.ArrayList;
import java.util.List;

/** The organization secrets JSON of SPEC.md. Error messages never echo a secret's value. */
public final class OrganizationSecretsCodec implements JsonCodec<OrganizationSecrets> {

    public static final OrganizationSecretsCodec INSTANCE = new OrganizationSecretsCodec();

    @Override
    public OrganizationSecrets decode(byte[] bytes) {
        JsonFields fields = JsonFields.of(Json.parseSecretObject(bytes));
        OrganizationId organization = fields.requireTyped("organization_id", OrganizationId::new);
        ArrayNode array = fields.requireArray("secrets");
        if (array.isEmpty()) {
            throw new InvalidRecordException("secrets", "must hold at least one secret (a tombstone removes them all)");
        }
        List<WebhookSecret> secrets = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = "secrets[" + i + "]";
            JsonFields secret = JsonFields.at(array.get(i), path);
            SecretId id = secret.requireTyped("id", SecretId::new);
            String value = secret.requireText("value");
            try {
                WebhookSecret.decodeKey(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException(path + ".value", e.getMessage());
            }
            secrets.add(new WebhookSecret(id, value, secret.optionalTimestamp("expires_at").map(RfcTimestamp::instant)));
        }
        try {
            return new OrganizationSecrets(organization, secrets);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("secrets", e.getMessage(), e);
        }
    }

    @Override
    public byte[] encode(OrganizationSecrets value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("organization_id", value.organizationId().value());
        ArrayNode secrets = node.putArray("secrets");
        for (WebhookSecret secret : value.secrets()) {
            ObjectNode element = secrets.addObject();
            element.put("id", secret.id().value());
            element.put("value", secret.value());
            secret.expiresAt().ifPresent(at -> element.put("expires_at", RfcTimestamp.of(at).text()));
        }
        return Json.write(node);
    }
}
