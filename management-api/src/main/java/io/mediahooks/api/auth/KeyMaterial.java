package io.mediahooks.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of API keys as pure functions. A key is {@code mh_<16 hex>_<base64url of 24 random bytes>}:
 * the hex part is the key id ({@code key_<16 hex>}), so a key is found by id and then checked
 * against the stored SHA-256 in constant time. 192 random bits; the id adds none of the secrecy.
 */
public final class KeyMaterial {

    public static final String PREFIX = "mh_";
    static final int SECRET_BYTES = 24;
    private static final Pattern KEY = Pattern.compile("mh_([0-9a-f]{16})_([A-Za-z0-9_-]{32})");

    /** A new key and its id. */
    public record NewKey(String id, String key) {
        @Override
        public String toString() {
            return "NewKey[id=" + id + "]"; // never print the key
        }
    }

    private KeyMaterial() {
    }

    public static NewKey generate(SecureRandom random) {
        byte[] idBytes = new byte[8];
        random.nextBytes(idBytes);
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String hex = HexFormat.of().formatHex(idBytes);
        return new NewKey("key_" + hex, PREFIX + hex + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key id a presented key claims, or empty when it does not have the shape of a key. */
    public static Optional<String> claimedId(String presented) {
        Matcher matcher = KEY.matcher(presented);
        return matcher.matches() ? Optional.of("key_" + matcher.group(1)) : Optional.empty();
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    public static boolean sameSecret(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }
}
