package io.mediahooks.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The signing secrets of one organization, on {@code webhook-secrets}. The first live secret is
 * primary (it keys the hex signature); every live one signs the Standard Webhooks header, so
 * receivers can rotate without missing a delivery.
 */
public record OrganizationSecrets(OrganizationId organizationId, List<WebhookSecret> secrets) {

    public OrganizationSecrets {
        Objects.requireNonNull(organizationId, "organizationId");
        secrets = List.copyOf(secrets);
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("an organization's secrets list holds at least one secret");
        }
        Set<SecretId> seen = new HashSet<>();
        for (WebhookSecret secret : secrets) {
            if (!seen.add(secret.id())) {
                throw new IllegalArgumentException("secret id " + secret.id() + " appears twice");
            }
        }
    }

    /** The secrets still signing at {@code now}, primary first; empty when every one has expired. */
    public List<WebhookSecret> liveAt(Instant now) {
        return secrets.stream().filter(secret -> secret.isLiveAt(now)).toList();
    }

    /** The secret keying the hex signature at {@code now}: the first live one. */
    public Optional<WebhookSecret> primaryAt(Instant now) {
        return secrets.stream().filter(secret -> secret.isLiveAt(now)).findFirst();
    }

    public boolean hasLiveSecretAt(Instant now) {
        return primaryAt(now).isPresent();
    }
}
