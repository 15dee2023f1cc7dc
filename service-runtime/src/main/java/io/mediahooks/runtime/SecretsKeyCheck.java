package io.mediahooks.runtime;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up check that the configured key ring fits the records on {@code webhook-secrets}, so
 * that a missing or wrong key stops a service with a message naming the setting rather than
 * leaving organizations without deliveries. It refuses when records are sealed with a key the
 * ring lacks, when a key of the ring opens none of the records sealed with its id (the key is
 * wrong), and when records hold plain text that is not accepted. A single record that does not
 * open while others under its key do is an altered record: reported here, and at run time an
 * invalid record like any other.
 */
public final class SecretsKeyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsKeyCheck.class);

    private SecretsKeyCheck() {
    }

    /** What the check found: records per key id (plain text under {@link OrganizationSecretsCodec#PLAINTEXT}). */
    public record Findings(Map<String, Integer> recordsByKey, int unreadable) {
    }

    /**
     * Reads {@code topic} to its end and checks it: what each service does at start-up, once its topics exist.
     *
     * @throws ConfigException naming the setting at fault
     */
    public static Findings verify(Map<String, Object> clientConfig, String topic, SecretsAtRest atRest, Duration timeout) {
        Findings findings = check(TableSnapshot.read(clientConfig, topic, timeout), atRest, topic);
        LOG.info("Secrets at rest: records on {} by key: {}", topic, findings.recordsByKey());
        return findings;
    }

    /**
     * Checks {@code latest}, the current value of each organization on {@code topic} (tombstones left out).
     *
     * @throws ConfigException naming the setting at fault
     */
    public static Findings check(Map<String, byte[]> latest, SecretsAtRest atRest, String topic) {
        OrganizationSecretsCodec codec = new OrganizationSecretsCodec(atRest);
        Map<String, Integer> records = new TreeMap<>();
        Map<String, Integer> opened = new TreeMap<>();
        Map<String, String> example = new LinkedHashMap<>();
        int unreadable = 0;
        for (Map.Entry<String, byte[]> entry : latest.entrySet()) {
            Set<String> keyIds = OrganizationSecretsCodec.keyIdsOf(entry.getValue());
            boolean opens = opens(codec, entry.getValue());
            if (!opens) {
                unreadable++;
            }
            for (String keyId : keyIds) {
                records.merge(keyId, 1, Integer::sum);
                example.putIfAbsent(keyId, entry.getKey());
                if (opens) {
                    opened.merge(keyId, 1, Integer::sum);
                }
            }
        }
        for (Map.Entry<String, Integer> byKey : records.entrySet()) {
            refuseIfUnusable(byKey.getKey(), byKey.getValue(), opened.getOrDefault(byKey.getKey(), 0),
                    example.get(byKey.getKey()), atRest, topic);
        }
        if (unreadable > 0) {
            LOG.warn("{} secrets record(s) on {} do not open (altered, or not secrets records); they are invalid records "
                    + "and their organizations keep what they had", unreadable, topic);
        }
        return new Findings(records, unreadable);
    }

    private static void refuseIfUnusable(String keyId, int count, int opened, String example, SecretsAtRest atRest, String topic) {
        String records = count + " record(s) on " + topic + " (organization " + example + (count > 1 ? ", ..." : "") + ")";
        if (keyId.equals(OrganizationSecretsCodec.PLAINTEXT)) {
            if (!atRest.acceptsPlaintext()) {
                throw new ConfigException(records + " hold plain-text secrets, which are accepted only with "
                        + SecretsConfig.ALLOW_PLAINTEXT_SECRETS.key() + "=true (local development): encrypt them with "
                        + "'mediahooks secret reencrypt' (it reads plain text and writes under the first key of "
                        + SecretsConfig.SECRETS_KEYS.key() + ")");
            }
            return;
        }
        if (atRest.keyRing().isEmpty()) {
            throw new ConfigException(records + " are encrypted with key " + keyId + ", but "
                    + SecretsConfig.SECRETS_KEYS.key() + " is not set: give the key ring they were written with");
        }
        if (!atRest.keyRing().get().hasKey(keyId)) {
            throw new ConfigException(records + " are encrypted with key " + keyId + ", which "
                    + SecretsConfig.SECRETS_KEYS.key() + " does not hold: keep it in the ring (after the first key) until "
                    + "'mediahooks secret reencrypt' has rewritten them");
        }
        if (opened == 0) {
            throw new ConfigException("key " + keyId + " of " + SecretsConfig.SECRETS_KEYS.key() + " opens none of the "
                    + records + " encrypted with it: the key is wrong (or every one of them was altered)");
        }
    }

    private static boolean opens(OrganizationSecretsCodec codec, byte[] value) {
        try {
            codec.decode(value);
            return true;
        } catch (InvalidRecordException e) {
            return false;
        }
    }
}
