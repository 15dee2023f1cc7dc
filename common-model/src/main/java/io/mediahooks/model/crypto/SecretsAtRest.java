package io.mediahooks.model.crypto;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.crypto.SecretsKeyRing.SealedValue;
import java.util.Objects;
import java.util.Optional;

/**
 * How signing secrets are kept on {@code webhook-secrets}: sealed under a {@link SecretsKeyRing}
 * (AES-256-GCM, each value bound to its organization and secret id), and whether plain-text
 * values are accepted, which only local development allows. Without a key ring, values are
 * written in plain text: that too is for local development only.
 */
public final class SecretsAtRest {

    private final Optional<SecretsKeyRing> keyRing;
    private final boolean acceptsPlaintext;

    private SecretsAtRest(Optional<SecretsKeyRing> keyRing, boolean acceptsPlaintext) {
        if (keyRing.isEmpty() && !acceptsPlaintext) {
            throw new IllegalArgumentException("without a key ring, secrets can only be kept in plain text");
        }
        this.keyRing = keyRing;
        this.acceptsPlaintext = acceptsPlaintext;
    }

    /** Sealed under {@code keyRing}; plain-text records are invalid. What every deployment runs. */
    public static SecretsAtRest encrypted(SecretsKeyRing keyRing) {
        return new SecretsAtRest(Optional.of(keyRing), false);
    }

    /**
     * The development switch: plain-text records are read, and new records are sealed if there is
     * a key ring, else written in plain text.
     */
    public static SecretsAtRest allowingPlaintext(Optional<SecretsKeyRing> keyRing) {
        return new SecretsAtRest(keyRing, true);
    }

    /** This key ring, also reading plain-text records: what re-encryption uses to migrate them. */
    public SecretsAtRest readingPlaintext() {
        return new SecretsAtRest(keyRing, true);
    }

    public Optional<SecretsKeyRing> keyRing() {
        return keyRing;
    }

    public boolean acceptsPlaintext() {
        return acceptsPlaintext;
    }

    /** Whether new records are sealed (there is a key ring). */
    public boolean seals() {
        return keyRing.isPresent();
    }

    /**
     * What a secret's ciphertext is bound to: moved into another organization's record, or under
     * another secret id, it does not open. Ids never hold control characters, so the line breaks
     * cannot be forged by an id.
     */
    public static String context(OrganizationId organization, SecretId id) {
        return "mediahooks webhook-secrets v1\n" + organization.value() + "\n" + id.value();
    }

    /** Seals {@code value} under the primary key. */
    public SealedValue seal(OrganizationId organization, SecretId id, String value) {
        return keyRing.orElseThrow(() -> new IllegalStateException("no key ring to seal with"))
                .seal(value, context(organization, id));
    }

    /**
     * Opens a sealed value of {@code organization}'s secret {@code id}.
     *
     * @throws SecretDecryptionException without a key ring, when its key is not in the ring, or
     *                                   when it (or where it sits) was altered
     */
    public String open(OrganizationId organization, SecretId id, SealedValue sealed) {
        Objects.requireNonNull(sealed, "sealed");
        SecretsKeyRing ring = keyRing.orElseThrow(() -> new SecretDecryptionException(
                "is encrypted (key " + sealed.keyId() + ") but no key ring is configured"));
        return ring.open(sealed, context(organization, id));
    }

    @Override
    public String toString() {
        return "SecretsAtRest[" + keyRing.map(SecretsKeyRing::toString).orElse("no key ring")
                + (acceptsPlaintext ? ", plain text accepted" : "") + "]";
    }
}
