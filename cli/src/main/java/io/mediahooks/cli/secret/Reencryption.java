package io.mediahooks.cli.secret;

import io.mediahooks.cli.kafka.CompactedTable;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.kafka.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Rewrites every secrets record that is not sealed under the primary key of the ring (older keys,
 * and plain text, which this reads so that deployments can migrate) under the primary key.
 * Records already under it are left alone, so running it again does nothing new.
 */
public final class Reencryption {

    /**
     * What a run found and did.
     *
     * @param rewritten  records rewritten under {@code primaryKey}
     * @param fromKeys   of those, how many held secrets under each older key (or in plain text)
     * @param current    records already under the primary key
     * @param unreadable organizations whose record does not open, with the reason; left as they are
     * @param changed    organizations whose record changed while this ran; left for the writer's version
     */
    public record Result(String primaryKey, int rewritten, Map<String, Integer> fromKeys, int current,
                         Map<String, String> unreadable, List<String> changed) {
    }

    /** What to write: each organization's secrets, opened from {@code sealed}, the record they came from. */
    record Plan(Map<String, OrganizationSecrets> rewrites, Map<String, byte[]> sealed, int current, Map<String, String> unreadable) {
    }

    private Reencryption() {
    }

    /** Decides, without I/O, which records of {@code table} to rewrite; {@code atRest} must hold a key ring. */
    static Plan plan(Map<String, byte[]> table, SecretsAtRest atRest) {
        SecretsKeyRing ring = atRest.keyRing().orElseThrow(() -> new IllegalArgumentException("no key ring to re-encrypt under"));
        OrganizationSecretsCodec reader = new OrganizationSecretsCodec(atRest.readingPlaintext());
        Map<String, OrganizationSecrets> rewrites = new TreeMap<>();
        Map<String, byte[]> sealed = new TreeMap<>();
        Map<String, String> unreadable = new TreeMap<>();
        int current = 0;
        for (Map.Entry<String, byte[]> entry : new TreeMap<>(table).entrySet()) {
            Set<String> keyIds = OrganizationSecretsCodec.keyIdsOf(entry.getValue());
            if (keyIds.equals(Set.of(ring.primaryKeyId()))) {
                current++;
                continue;
            }
            try {
                OrganizationSecrets secrets = reader.decode(entry.getValue());
                if (!secrets.organizationId().equals(new OrganizationId(entry.getKey()))) {
                    throw new InvalidRecordException("organization_id", "differs from the record key");
                }
                rewrites.put(entry.getKey(), secrets);
                sealed.put(entry.getKey(), entry.getValue());
            } catch (InvalidRecordException | IllegalArgumentException e) {
                unreadable.put(entry.getKey(), e.getMessage());
            }
        }
        return new Plan(rewrites, sealed, current, unreadable);
    }

    /**
     * Reads {@code webhook-secrets} to its end and rewrites what {@link #plan} says. Just before
     * writing it reads the topic again and leaves out any organization whose record changed
     * meanwhile (its writer's version wins), so a concurrent rotation is not undone.
     */
    public static Result run(KafkaSession kafka, SecretsAtRest atRest) {
        Topic<OrganizationId, OrganizationSecrets> topic = kafka.topics().secrets(atRest);
        kafka.requireTopics(topic.name());
        Plan plan = plan(CompactedTable.snapshot(kafka, topic.name()), atRest);
        Map<String, OrganizationSecrets> writes = new LinkedHashMap<>(plan.rewrites());
        List<String> changed = new ArrayList<>();
        if (!writes.isEmpty()) {
            Map<String, byte[]> now = CompactedTable.snapshot(kafka, topic.name());
            for (String organization : plan.rewrites().keySet()) {
                if (!Arrays.equals(now.get(organization), plan.sealed().get(organization))) {
                    writes.remove(organization);
                    changed.add(organization);
                }
            }
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        writes.forEach((organization, secrets) -> sent.add(kafka.sendAsync(topic, secrets.organizationId(), secrets)));
        sent.forEach(future -> kafka.await(future, "write to " + topic.name()));
        String primary = atRest.keyRing().orElseThrow().primaryKeyId();
        Map<String, Integer> fromKeys = new TreeMap<>();
        for (String organization : writes.keySet()) {
            OrganizationSecretsCodec.keyIdsOf(plan.sealed().get(organization)).stream().filter(id -> !id.equals(primary))
                    .forEach(id -> fromKeys.merge(id, 1, Integer::sum));
        }
        return new Result(primary, writes.size(), fromKeys, plan.current(), plan.unreadable(), changed);
    }
}
