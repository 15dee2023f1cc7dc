package io.mediahooks.router;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs and counts what the router restores into its stores at start-up and after a rebalance:
 * {@code mediahooks.router.state.restored.records{store}}. A clean restart on the same state
 * directory restores nothing, or only what was written after the last checkpoint.
 */
final class StateRestoreMetrics implements StateRestoreListener {

    private static final Logger LOG = LoggerFactory.getLogger(StateRestoreMetrics.class);

    private final MeterRegistry registry;

    StateRestoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        LOG.debug("Restoring store {} from {} offsets {} to {}", store, partition, startingOffset, endingOffset);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
        counter(store).increment(restored);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        LOG.info("Restored store {} from {}: {} records", store, partition, totalRestored);
    }

    private Counter counter(String store) {
        return Counter.builder("mediahooks.router.state.restored.records")
                .description("Records restored into the router's stores from their topics (start-up, rebalance)")
                .tag("store", store).register(registry);
    }
}
