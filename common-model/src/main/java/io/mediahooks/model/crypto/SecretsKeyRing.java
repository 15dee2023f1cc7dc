package io.mediahooks.model.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys that encrypt organization secrets at rest (AES-256-GCM), newest first: the first key
 * seals every new value, and every key of the ring still opens what it sealed, so that records
 * written before a key rotation stay readable until they are rewritten.
 *
 * <p>A sealed value names its key and binds a context (for a secret: its organization and secret
 * id) as associated data, so a ciphertext copied into another organization's record does not open.
 */
public final class SecretsKeyRing {

    /** Key ids as they appear in records and settings: short, no separators. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String primaryId;
    private final SecureRandom random;

    private SecretsKeyRing(Map<String, SecretKey> keys, SecureRandom random) {
        this.keys = Map.copyOf(keys);
        this.primaryId = keys.keySet().iterator().next();
        this.random = random;
    }

    /**
     * Parses a ring such as {@code k2:BASE64,k1:BASE64} (each key 32 bytes, base64), first key
     * primary.
     *
     * @throws IllegalArgumentException naming the entry at fault, never echoing key material
     */
    public static SecretsKeyRing parse(String spec) {
        return parse(spec, new SecureRandom());
    }

    static SecretsKeyRing parse(String spec, SecureRandom random) {
        Objects.requireNonNull(spec, "spec");
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        List<String> entries = List.of(spec.trim().split("\\s*,\\s*"));
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("key " + (i + 1) + " is not of the form id:base64");
            }
            String id = entry.substring(0, colon);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key " + (i + 1) + " has an invalid id (letters, digits, _ . - up to 64)");
            }
            byte[] material;
            try {
                material = Base64.getDecoder().decode(entry.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + id + " is not valid base64");
            }
            if (material.length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + id + " must be " + KEY_BYTES + " bytes (AES-256), not " + material.length);
            }
            if (keys.put(id, new SecretKeySpec(material, "AES")) != null) {
                throw new IllegalArgumentException("key id " + id + " appears twice");
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the key ring is empty");
        }
        return new SecretsKeyRing(keys, random);
    }

    /** A fresh random 256-bit key in the ring's base64 form, for operators creating a key. */
    public static String generateKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** The id of the key that seals new values. */
    public String primaryKeyId() {
        return primaryId;
    }

    public boolean hasKey(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Encrypts {@code plaintext} under the primary key, bound to {@code context}. */
    public SealedValue seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keys.get(primaryId), nonce, context, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return new SealedValue(primaryId, Base64.getEncoder().encodeToString(out));
    }

    /**
     * Decrypts {@code value}, which must have been sealed with the same {@code context}.
     *
     * @throws SecretDecryptionException when its key is not in the ring, or the value or context
     *                                   was altered
     */
    public String open(SealedValue value, String context) {
        SecretKey key = keys.get(value.keyId());
        if (key == null) {
            throw new SecretDecryptionException("sealed with key " + value.keyId() + ", which is not in the key ring");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new SecretDecryptionException("the ciphertext is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretDecryptionException("the ciphertext is too short");
        }
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        try {
            return new String(run(Cipher.DECRYPT_MODE, key, nonce, context, sealed), StandardCharsets.UTF_8);
        } catch (SecretDecryptionException e) {
            throw new SecretDecryptionException("does not open with key " + value.keyId()
                    + ": the key is wrong, or the value or its context was altered");
        }
    }

    private static byte[] run(int mode, SecretKey key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException(e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        // Never print key material.
        return "SecretsKeyRing[primary=" + primaryId + ", keys=" + keys.keySet() + "]";
    }

    /** A value sealed under key {@code keyId}: base64 of the 12-byte nonce followed by ciphertext and tag. */
    public record SealedValue(String keyId, String ciphertext) {

        public SealedValue {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(ciphertext, "ciphertext");
        }
    }
}
