package io.mediahooks.runtime;

import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of secrets at rest, read by every service and CLI command that reads or writes
 * {@code webhook-secrets}: the key ring, given inline or as a file, and the development switch
 * that accepts plain text. Key material never appears in a message.
 */
public record SecretsConfig(SecretsAtRest atRest) {

    public static final Setting<Optional<String>> SECRETS_KEYS = Setting.of("MEDIAHOOKS_SECRETS_KEYS", "",
            "Key ring encrypting organization secrets at rest (AES-256-GCM): id:base64-of-32-bytes, comma-separated, "
                    + "newest first. The first key encrypts new records; every key still decrypts. Required unless "
                    + "MEDIAHOOKS_SECRETS_KEYS_FILE is set (create a key with `mediahooks secret new-key`).",
            Parsers.optional(text -> text));
    public static final Setting<Optional<Path>> SECRETS_KEYS_FILE = Setting.of("MEDIAHOOKS_SECRETS_KEYS_FILE", "",
            "File holding the key ring instead of MEDIAHOOKS_SECRETS_KEYS (a Kubernetes Secret mounted as a file, say).",
            Parsers.optional(Path::of));
    public static final Setting<Boolean> ALLOW_PLAINTEXT_SECRETS = Setting.of("MEDIAHOOKS_ALLOW_PLAINTEXT_SECRETS", "false",
            "Local development only: accept plain-text secret records, and run without a key ring (records are then "
                    + "written in plain text).", Parsers::bool);

    /** Every setting read here, for the services' settings lists. */
    public static final List<Setting<?>> SETTINGS = List.of(SECRETS_KEYS, SECRETS_KEYS_FILE, ALLOW_PLAINTEXT_SECRETS);

    /**
     * Reads and checks the settings.
     *
     * @throws ConfigException naming the setting when the key ring is missing, unreadable or malformed
     */
    public static SecretsConfig from(Environment env) {
        Optional<String> inline = env.get(SECRETS_KEYS);
        Optional<Path> file = env.get(SECRETS_KEYS_FILE);
        boolean allowPlaintext = env.get(ALLOW_PLAINTEXT_SECRETS);
        if (inline.isPresent() && file.isPresent()) {
            throw new ConfigException(SECRETS_KEYS.key() + " and " + SECRETS_KEYS_FILE.key() + " are both set; set one");
        }
        Optional<SecretsKeyRing> ring = inline.map(spec -> parse(SECRETS_KEYS.key(), spec))
                .or(() -> file.map(path -> parse(SECRETS_KEYS_FILE.key() + " (" + path + ")", read(path))));
        if (ring.isEmpty() && !allowPlaintext) {
            throw new ConfigException(SECRETS_KEYS.key() + " is required: the key ring that encrypts organization secrets"
                    + " at rest, such as k1:<base64 of 32 random bytes> (create one with `mediahooks secret new-key`), or "
                    + SECRETS_KEYS_FILE.key() + " naming a file that holds it. Only for local development, "
                    + ALLOW_PLAINTEXT_SECRETS.key() + "=true runs without one.");
        }
        return new SecretsConfig(allowPlaintext ? SecretsAtRest.allowingPlaintext(ring) : SecretsAtRest.encrypted(ring.orElseThrow()));
    }

    /** The variables that give a child process {@code keyRing} (what launchers and tests pass on). */
    public static Map<String, String> variables(String keyRing) {
        return Map.of(SECRETS_KEYS.key(), keyRing);
    }

    /** One line for the start-up log: which keys, never their material. */
    public String describe() {
        return atRest.keyRing().map(ring -> "secrets encrypted at rest, key ring " + ring)
                .orElse("secrets in PLAIN TEXT (" + ALLOW_PLAINTEXT_SECRETS.key() + "=true, local development only)")
                + (atRest.keyRing().isPresent() && atRest.acceptsPlaintext() ? ", plain-text records accepted ("
                + ALLOW_PLAINTEXT_SECRETS.key() + "=true)" : "");
    }

    private static SecretsKeyRing parse(String source, String spec) {
        try {
            return SecretsKeyRing.parse(spec);
        } catch (IllegalArgumentException e) {
            // The ring's messages name the entry, never its material; the raw value is not echoed either.
            throw new ConfigException(source + " is invalid: " + e.getMessage());
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(SECRETS_KEYS_FILE.key() + "='" + path + "' cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }
}
