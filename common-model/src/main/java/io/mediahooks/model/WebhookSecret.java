package io.mediahooks.model;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One signing secret of an organization: {@code whsec_} followed by base64 of 24 to 64 random
 * bytes. A secret with {@code expiresAt} is kept during a rotation and stops signing after it.
 */
public record WebhookSecret(SecretId id, String value, Optional<Instant> expiresAt) {

    public static final String PREFIX = "whsec_";
    public static final int MIN_KEY_BYTES = 24;
    public static final int MAX_KEY_BYTES = 64;

    public WebhookSecret {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
        decodeKey(value);
    }

    /**
     * The HMAC key of the Standard Webhooks signature: the base64-decoded part after {@code whsec_}.
     *
     * @throws IllegalArgumentException naming the problem when {@code value} is not a valid secret
     */
    public static byte[] decodeKey(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the part after " + PREFIX + " is not valid base64", e);
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("must encode " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes, not " + key.length);
        }
        return key;
    }

    /** The Standard Webhooks HMAC key of this secret. */
    public byte[] key() {
        return decodeKey(value);
    }

    public boolean isLiveAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        // Never print the secret itself.
        return "WebhookSecret[id=" + id + ", expiresAt=" + expiresAt.map(Instant::toString).orElse("never") + "]";
    }
}
