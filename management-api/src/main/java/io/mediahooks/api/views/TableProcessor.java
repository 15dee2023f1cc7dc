package io.mediahooks.api.views;

import io.mediahooks.model.InvalidRecordException;
import java.nio.ByteBuffer;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest valid record per key of a compacted topic in a global store, as bytes. A record
 * that breaks the contract is logged and not applied, so the previous valid version stays, as the
 * router and the workers do; a tombstone removes the key.
 */
final class TableProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(TableProcessor.class);

    private final String storeName;
    private final BiConsumer<String, byte[]> validator;
    private final ViewUpdates updates;
    private final boolean keepOffsets;
    private final Function<byte[], String> owner;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> store;

    /**
     * @param validator   throws {@link InvalidRecordException} for a record the view must not apply
     * @param keepOffsets also keep the offset of each key's record, under {@link #offsetKey}
     * @param owner       the organization of a valid record, to index keys by organization ({@link #ownerKey}); null for none
     */
    TableProcessor(String storeName, BiConsumer<String, byte[]> validator, ViewUpdates updates, boolean keepOffsets,
                   Function<byte[], String> owner) {
        this.storeName = storeName;
        this.validator = validator;
        this.updates = updates;
        this.keepOffsets = keepOffsets;
        this.owner = owner;
    }

    /** The index entry of {@code key} under its organization; sorts before every id, so listings skip it. */
    static String ownerKey(String organization, String key) {
        return ownerPrefix(organization) + key;
    }

    /** Where an organization's keys are listed, in key order. */
    static String ownerPrefix(String organization) {
        return Keys.prefix("", "org", organization);
    }

    /** Where the offset of {@code key}'s record is kept; sorts before every id, so listings skip it. */
    static String offsetKey(String key) {
        return Keys.join("", "offset", key);
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("{}: skipped a record without a key", storeName);
            return;
        }
        if (record.value() == null) {
            unindex(record.key());
            store.delete(record.key());
            if (keepOffsets) {
                store.delete(offsetKey(record.key()));
            }
        } else {
            try {
                validator.accept(record.key(), record.value());
            } catch (InvalidRecordException e) {
                LOG.warn("{}: not applying the invalid record for key {}: {}", storeName, record.key(), e.getMessage());
                return;
            }
            unindex(record.key());
            store.put(record.key(), record.value());
            if (owner != null) {
                store.put(ownerKey(owner.apply(record.value()), record.key()), new byte[0]);
            }
            if (keepOffsets) {
                context.recordMetadata().ifPresent(metadata ->
                        store.put(offsetKey(record.key()), ByteBuffer.allocate(Long.BYTES).putLong(metadata.offset()).array()));
            }
        }
        updates.changed();
    }

    /** Removes the organization index entry of the key's current record (a webhook may move). */
    private void unindex(String key) {
        byte[] previous = owner == null ? null : store.get(key);
        if (previous != null) {
            store.delete(ownerKey(owner.apply(previous), key));
        }
    }
}
