package io.mediahooks.api.views;

import io.mediahooks.model.InvalidRecordException;
import java.util.function.BiConsumer;
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
    private KeyValueStore<String, byte[]> store;

    /** @param validator throws {@link InvalidRecordException} for a record the view must not apply */
    TableProcessor(String storeName, BiConsumer<String, byte[]> validator, ViewUpdates updates) {
        this.storeName = storeName;
        this.validator = validator;
        this.updates = updates;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            LOG.warn("{}: skipped a record without a key", storeName);
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            try {
                validator.accept(record.key(), record.value());
            } catch (InvalidRecordException e) {
                LOG.warn("{}: not applying the invalid record for key {}: {}", storeName, record.key(), e.getMessage());
                return;
            }
            store.put(record.key(), record.value());
        }
        updates.changed();
    }
}
