package io.mediahooks.api.auth;

import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.ApiKey;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.json.ApiKeyCodec;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Who is calling: an organization's API key (found by the id it embeds, checked against the stored
 * hash in constant time) or the operator's admin token. Every failure is the same 401, which never
 * says whether a key exists; keys never appear in logs or messages.
 */
public final class Authenticator {

    /** The organization a request acts for, and through which key. */
    public record Principal(OrganizationId organizationId, String keyId) {
    }

    private final Views views;
    private final String adminToken;

    public Authenticator(Views views, String adminToken) {
        this.views = views;
        this.adminToken = adminToken;
    }

    public Principal organization(String authorization) {
        String presented = bearer(authorization);
        String id = KeyMaterial.claimedId(presented).orElseThrow(Authenticator::unknown);
        byte[] stored = views.apiKeys().get(id);
        if (stored == null) {
            // Spend the same hashing work as for a known key.
            MessageDigest.isEqual(KeyMaterial.sha256(presented), new byte[32]);
            throw unknown();
        }
        ApiKey key;
        try {
            key = ApiKeyCodec.INSTANCE.decode(stored);
        } catch (InvalidRecordException e) {
            throw unknown();
        }
        if (!MessageDigest.isEqual(KeyMaterial.sha256(presented), key.hashBytes())) {
            throw unknown();
        }
        return new Principal(key.organizationId(), key.id());
    }

    public void admin(String authorization) {
        if (!KeyMaterial.sameSecret(bearer(authorization), adminToken)) {
            throw ApiProblem.unauthorized("the admin token is required for this route");
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiProblem.unauthorized("send Authorization: Bearer <API key>");
        }
        String trimmed = authorization.trim();
        if (!trimmed.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw ApiProblem.unauthorized("the Authorization header must use the Bearer scheme");
        }
        return trimmed.substring("bearer ".length()).trim();
    }

    private static ApiProblem unknown() {
        return ApiProblem.unauthorized("the API key is not valid (unknown, revoked or mistyped)");
    }
}
