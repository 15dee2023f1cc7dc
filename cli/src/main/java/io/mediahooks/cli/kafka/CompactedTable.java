package io.mediahooks.cli.kafka;

import io.mediahooks.model.kafka.Topic;
import io.mediahooks.runtime.TableSnapshot;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest value of one key of a compacted topic, as the services' tables see it: the last
 * record for the key wins and a tombstone removes it. Reads the whole topic, which is fine for
 * tables of webhooks and secrets.
 */
public final class CompactedTable {

    private CompactedTable() {
    }

    /** The current raw value of every key of {@code topic} (keys as UTF-8, deleted ones left out). */
    public static Map<String, byte[]> snapshot(KafkaSession session, String topic) {
        Map<String, byte[]> latest = new HashMap<>();
        try (var consumer = session.newReader()) {
            new TopicReader(consumer, topic).readSnapshot(record -> TableSnapshot.apply(latest, record));
        }
        return latest;
    }

    /** The current raw value of {@code key}, empty when it was never written or was deleted. */
    public static <K, V> Optional<byte[]> latest(KafkaSession session, Topic<K, V> topic, K key) {
        byte[] wanted = topic.keySerde().serializer().serialize(topic.name(), key);
        // Holds null after a tombstone, like the table does.
        AtomicReference<byte[]> latest = new AtomicReference<>();
        try (var consumer = session.newReader()) {
            new TopicReader(consumer, topic.name()).readSnapshot(record -> {
                if (Arrays.equals(record.key(), wanted)) {
                    latest.set(record.value());
                }
            });
        }
        return Optional.ofNullable(latest.get());
    }
}
