package io.mediahooks.router.stream;

import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.RouterMetrics.InputKind;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a compacted table topic: a record passes only when its key is the id inside its value.
 * Compaction and tombstones work by key, so a record filed under another key could never be
 * deleted; it is rejected instead (logged, counted, not applied) and the previous version stays.
 * Records that do not even decode never get here: the deserialization handler drops them.
 */
final class TableRecordCheck<K, V> implements FixedKeyProcessor<K, V, V> {

    private static final Logger LOG = LoggerFactory.getLogger(TableRecordCheck.class);

    private final InputKind kind;
    private final String idField;
    private final Function<V, K> idOf;
    private final RouterMetrics metrics;
    private FixedKeyProcessorContext<K, V> context;

    TableRecordCheck(InputKind kind, String idField, Function<V, K> idOf, RouterMetrics metrics) {
        this.kind = kind;
        this.idField = idField;
        this.idOf = idOf;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        K key = record.key();
        if (key == null) {
            reject(record, "key: missing; the key must be the record's " + idField);
            return;
        }
        if (record.value() == null) {
            LOG.info("{} {} deleted (tombstone)", kind.label(), key);
            context.forward(record);
            return;
        }
        K id = idOf.apply(record.value());
        if (!key.equals(id)) {
            reject(record, idField + ": '" + id + "' does not match the record key '" + key + "'");
            return;
        }
        LOG.info("{} {} applied", kind.label(), key);
        context.forward(record);
    }

    private void reject(FixedKeyRecord<K, V> record, String reason) {
        metrics.invalid(kind);
        String position = context.recordMetadata().map(TableRecordCheck::position).orElse("unknown position");
        LOG.warn("Rejected {} record with key {} at {}: {}; not applied, the previous version stays in force",
                kind.label(), record.key(), position, reason);
    }

    private static String position(RecordMetadata metadata) {
        return metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset();
    }
}
