package io.mediahooks.api.views;

import io.mediahooks.model.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes a log topic (attempts, deliveries, dead letters) into a RocksDB global store: each record
 * becomes a few entries whose keys are ordered for the queries, plus a time entry listing them,
 * so that entries older than the retention are swept as new records arrive. The store lives off
 * heap; nothing here keeps records in memory.
 */
final class LogIndexProcessor implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(LogIndexProcessor.class);
    private static final String TIME = "t";
    /** Sweep once per this many records: cheap, and the store never grows far past the retention. */
    private static final int SWEEP_EVERY = 1_000;

    /** Turns one record into index entries; throws {@link InvalidRecordException} for a record to skip. */
    interface Indexer {
        Indexed index(byte[] value, long recordTimestamp);
    }

    /**
     * The entries of one record.
     *
     * @param at       the time the entries expire from, in epoch millis
     * @param entries  key to value
     * @param replaces a key whose value lists earlier entries to remove first (one per delivery), or null
     */
    record Indexed(long at, Map<String, byte[]> entries, String replaces) {
    }

    private final String storeName;
    private final Indexer indexer;
    private final Duration retention;
    private final ViewUpdates updates;
    private KeyValueStore<String, byte[]> store;
    private long sinceSweep;

    LogIndexProcessor(String storeName, Indexer indexer, Duration retention, ViewUpdates updates) {
        this.storeName = storeName;
        this.indexer = indexer;
        this.retention = retention;
        this.updates = updates;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        Indexed indexed;
        try {
            indexed = indexer.index(record.value(), record.timestamp());
        } catch (InvalidRecordException e) {
            LOG.warn("{}: skipped an invalid record: {}", storeName, e.getMessage());
            return;
        }
        if (++sinceSweep >= SWEEP_EVERY) {
            sinceSweep = 0;
            sweep(record.timestamp() - retention.toMillis());
        }
        if (indexed.at() < record.timestamp() - retention.toMillis()) {
            return; // already past the retention: read on a restore of an old topic
        }
        if (indexed.replaces() != null) {
            byte[] previous = store.get(indexed.replaces());
            if (previous != null) {
                removeListed(previous);
            }
        }
        List<String> keys = new ArrayList<>(indexed.entries().keySet());
        indexed.entries().forEach(store::put);
        String timeKey = Keys.join(TIME, Keys.time(indexed.at()), keys.get(0));
        keys.add(timeKey);
        if (indexed.replaces() != null) {
            keys.add(indexed.replaces());
        }
        byte[] listing = String.join("\n", keys).getBytes(StandardCharsets.UTF_8);
        store.put(timeKey, listing);
        if (indexed.replaces() != null) {
            store.put(indexed.replaces(), listing);
        }
        updates.changed();
    }

    /** Removes every entry indexed before {@code cutoff} (epoch millis). */
    private void sweep(long cutoff) {
        List<byte[]> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.range(Keys.prefix(TIME), Keys.join(TIME, Keys.time(cutoff)))) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                expired.add(entry.value);
            }
        }
        expired.forEach(this::removeListed);
        if (!expired.isEmpty()) {
            LOG.debug("{}: swept {} records older than the retention", storeName, expired.size());
        }
    }

    private void removeListed(byte[] listing) {
        for (String key : new String(listing, StandardCharsets.UTF_8).split("\n")) {
            store.delete(key);
        }
    }
}
