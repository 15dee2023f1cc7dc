package io.mediahooks.cli.secret;

import io.mediahooks.cli.CliException;
import io.mediahooks.cli.kafka.CompactedTable;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.SecretRotation;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.runtime.SecretsKeyCheck;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The CLI's side of the secret rules: flags and messages; the rules themselves are {@link SecretRotation}. */
public final class Secrets {

    /** Bytes of randomness in a generated secret (the contract allows 24 to 64). */
    public static final int GENERATED_KEY_BYTES = SecretRotation.GENERATED_KEY_BYTES;

    private Secrets() {
    }

    /** A fresh {@code whsec_} secret from {@code random}. */
    public static String generate(SecureRandom random) {
        return SecretRotation.generate(random);
    }

    /** Checks a secret given on the command line; the error never echoes the value. */
    public static String validate(String value, String flag) {
        try {
            WebhookSecret.decodeKey(value);
            return value;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(flag + ": not a valid secret: " + e.getMessage()
                    + " (a secret is whsec_ followed by base64 of 24 to 64 random bytes)");
        }
    }

    /**
     * Every organization's current secrets record on {@code topic}, once the key ring is known to fit
     * them: a missing or wrong key stops the command here, with a message naming the setting.
     */
    public static Map<String, byte[]> checkedTable(KafkaSession kafka, String topic, SecretsAtRest atRest) {
        Map<String, byte[]> table = CompactedTable.snapshot(kafka, topic);
        SecretsKeyCheck.check(table, atRest, topic);
        return table;
    }

    /** {@code sec_1} for an organization without secrets, else one more than the highest {@code sec_<n>}. */
    public static SecretId nextId(List<WebhookSecret> existing) {
        return SecretRotation.nextId(existing);
    }

    /** {@link SecretRotation#rotate}, its refusals as usage errors of {@code --value}. */
    public static OrganizationSecrets rotate(OrganizationSecrets current, WebhookSecret newPrimary, Instant now, Duration overlap) {
        try {
            return SecretRotation.rotate(current, newPrimary, now, overlap);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--value: " + e.getMessage());
        }
    }
}
