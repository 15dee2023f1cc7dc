package io.mediahooks.model;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organization's key to the management API, on {@code webhook-api-keys}: only the SHA-256 hash
 * of the key is kept, never the key itself.
 *
 * @param id     the key id ({@code key_} and 16 lowercase hex digits), also embedded in the key
 * @param sha256 lowercase hex SHA-256 of the whole key string ({@code mh_...})
 */
public record ApiKey(String id, OrganizationId organizationId, String sha256, Instant createdAt, Optional<String> description) {

    private static final Pattern ID = Pattern.compile("key_[0-9a-f]{16}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(description, "description");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an API key id is key_ and 16 lowercase hex digits");
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("expected 64 lowercase hex digits");
        }
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** The hash as bytes, for a constant-time comparison. */
    public byte[] hashBytes() {
        return HexFormat.of().parseHex(sha256);
    }
}
