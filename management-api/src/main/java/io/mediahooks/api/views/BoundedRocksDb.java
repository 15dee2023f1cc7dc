package io.mediahooks.api.views;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of every view: all RocksDB stores of the process share one block
 * cache, which also accounts for their write buffers and index and filter blocks (the recipe of
 * the Kafka Streams memory-management guide). The size comes from {@link #CACHE_BYTES_CONFIG}.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

    public static final String CACHE_BYTES_CONFIG = "mediahooks.api.rocksdb.cache.bytes";

    private static final Object LOCK = new Object();
    /** Shared by every store of the process, as the guide prescribes; created once, on first use. */
    private static Shared shared;

    private record Shared(long bytes, Cache cache, WriteBufferManager writeBuffers) {
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared memory = shared(Long.parseLong(String.valueOf(configs.get(CACHE_BYTES_CONFIG))));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(memory.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(memory.writeBuffers());
        options.setMaxWriteBufferNumber(2);
        options.setWriteBufferSize(Math.min(4L << 20, memory.bytes() / 8));
        options.setTableFormatConfig(table);
    }

    private static Shared shared(long bytes) {
        synchronized (LOCK) {
            if (shared == null) {
                Cache cache = new LRUCache(bytes, -1, false, 0.1);
                shared = new Shared(bytes, cache, new WriteBufferManager(bytes / 4, cache));
            }
            return shared;
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and write buffer manager are shared by every store: never closed per store.
    }
}
