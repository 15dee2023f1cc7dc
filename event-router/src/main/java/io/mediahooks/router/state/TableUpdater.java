package io.mediahooks.router.state;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.json.JsonCodec;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.RouterMetrics.InputKind;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a global store in step with its compacted table topic, on restore and afterwards alike
 * (Kafka Streams replays the topic through this processor when it rebuilds the store).
 *
 * <p>A record is applied only when it decodes, its key is the id inside its value (compaction
 * and tombstones work by key, so a record filed under another key could never be deleted) and
 * it has no {@linkplain #problem problem} of its kind (a refused URL, say). Any other record is
 * rejected (logged with its reason and position, counted, not applied) and the previous version
 * stays. Records arrive as bytes and are decoded here rather than by the
 * deserialization handler: the global thread must never stop on bad input, and the decision is
 * then the same in every runtime (the test driver's global thread has a handler of its own).
 */
abstract class TableUpdater<K, V> implements Processor<byte[], byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(TableUpdater.class);

    private final String storeName;
    private final InputKind kind;
    private final String idField;
    private final Deserializer<K> keys;
    private final JsonCodec<V> codec;
    private final Function<V, K> idOf;
    private final RouterMetrics metrics;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    TableUpdater(String storeName, InputKind kind, String idField, Deserializer<K> keys, JsonCodec<V> codec,
                 Function<V, K> idOf, RouterMetrics metrics) {
        this.storeName = storeName;
        this.kind = kind;
        this.idField = idField;
        this.keys = keys;
        this.codec = codec;
        this.idOf = idOf;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.key() == null) {
            reject("(none)", "key: missing; the key must be the record's " + idField);
            return;
        }
        K key;
        V value;
        try {
            key = keys.deserialize(storeName, record.key());
            value = record.value() == null ? null : codec.decode(record.value());
        } catch (InvalidRecordException e) {
            reject(new String(record.key(), StandardCharsets.UTF_8), e.getMessage());
            return;
        }
        if (value == null) {
            boolean removed = remove(store, key);
            LOG.debug("{} {} deleted (tombstone{})", kind.label(), key, removed ? "" : ", was not there");
            return;
        }
        K id = idOf.apply(value);
        if (!key.equals(id)) {
            reject(key.toString(), idField + ": '" + id + "' does not match the record key '" + key + "'");
            return;
        }
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            reject(key.toString(), problem.get());
            return;
        }
        put(store, value, record.value());
        LOG.debug("{} {} applied", kind.label(), key);
    }

    /** Why a value that decodes must still not be applied (a rule beyond its codec), or empty; none by default. */
    Optional<String> problem(V value) {
        return Optional.empty();
    }

    /** Applies a valid value filed under its own id; {@code json} is the record's value as received. */
    abstract void put(KeyValueStore<String, byte[]> store, V value, byte[] json);

    /** Applies a tombstone; true if there was something to remove. */
    abstract boolean remove(KeyValueStore<String, byte[]> store, K key);

    private void reject(String key, String reason) {
        metrics.invalid(kind);
        String position = context.recordMetadata().map(TableUpdater::position).orElse("unknown position");
        LOG.warn("Rejected {} record with key {} at {}: {}; not applied, the previous version stays in force",
                kind.label(), key, position, reason);
    }

    private static String position(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }
}
