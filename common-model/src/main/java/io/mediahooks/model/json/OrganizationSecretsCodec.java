package io.mediahooks.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretDecryptionException;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing.SealedValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The organization secrets JSON of docs/topics-and-records.md. Each secret carries {@code key_id}
 * and {@code ciphertext} (its value sealed by {@link SecretsAtRest}); a plain {@code value} is
 * read only when plain text is accepted (local development), and written only without a key ring.
 * Error messages never echo a secret's value.
 */
public final class OrganizationSecretsCodec implements JsonCodec<OrganizationSecrets> {

    /** What {@link #keyIdsOf} says for a secret held in plain text; no key id looks like it. */
    public static final String PLAINTEXT = "(plain text)";

    private final SecretsAtRest atRest;

    public OrganizationSecretsCodec(SecretsAtRest atRest) {
        this.atRest = atRest;
    }

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
            String value = value(organization, id, secret, path);
            try {
                WebhookSecret.decodeKey(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException(path + (secret.has("value") ? ".value" : ".ciphertext"), e.getMessage());
            }
            secrets.add(new WebhookSecret(id, value, secret.optionalTimestamp("expires_at").map(RfcTimestamp::instant)));
        }
        try {
            return new OrganizationSecrets(organization, secrets);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("secrets", e.getMessage(), e);
        }
    }

    private String value(OrganizationId organization, SecretId id, JsonFields secret, String path) {
        if (secret.has("value")) {
            if (secret.has("ciphertext") || secret.has("key_id")) {
                throw new InvalidRecordException(path, "holds both a plain value and key_id/ciphertext");
            }
            if (!atRest.acceptsPlaintext()) {
                throw new InvalidRecordException(path + ".value", "plain-text secrets are accepted only with "
                        + "MEDIAHOOKS_ALLOW_PLAINTEXT_SECRETS=true (local development); encrypt them with "
                        + "'mediahooks secret reencrypt'");
            }
            return secret.requireText("value");
        }
        SealedValue sealed = new SealedValue(secret.requireText("key_id"), secret.requireText("ciphertext"));
        try {
            return atRest.open(organization, id, sealed);
        } catch (SecretDecryptionException e) {
            throw new InvalidRecordException(path + ".ciphertext", e.getMessage() + " (MEDIAHOOKS_SECRETS_KEYS)", e);
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
            if (atRest.seals()) {
                SealedValue sealed = atRest.seal(value.organizationId(), secret.id(), secret.value());
                element.put("key_id", sealed.keyId());
                element.put("ciphertext", sealed.ciphertext());
            } else {
                element.put("value", secret.value());
            }
            secret.expiresAt().ifPresent(at -> element.put("expires_at", RfcTimestamp.of(at).text()));
        }
        return Json.write(node);
    }

    /**
     * The key ids a secrets record is sealed with, {@link #PLAINTEXT} for a plain-text value;
     * empty when the record is not a secrets record at all. Opens nothing, so it needs no key.
     */
    public static Set<String> keyIdsOf(byte[] bytes) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            JsonNode secrets = Json.parseObject(bytes).get("secrets");
            if (secrets != null && secrets.isArray()) {
                for (JsonNode secret : secrets) {
                    JsonNode keyId = secret.get("key_id");
                    if (secret.has("value")) {
                        ids.add(PLAINTEXT);
                    } else if (keyId != null && keyId.isTextual()) {
                        ids.add(keyId.textValue());
                    }
                }
            }
        } catch (InvalidRecordException e) {
            // Not JSON: no key ids; decoding it says what is wrong.
        }
        return ids;
    }
}
