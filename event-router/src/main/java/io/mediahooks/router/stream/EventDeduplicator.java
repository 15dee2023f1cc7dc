package io.mediahooks.router.stream;

import io.mediahooks.model.MediaEvent;
import io.mediahooks.router.RouterMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first copy of each (organization, event id) through and drops the copies seen within
 * the dedup window. The ids seen live in a changelogged window store of the task that owns the
 * event's input partition, so the window holds across restarts and moves with its partition;
 * whole segments expire, with no scan. Copies are caught when they land in the same partition of
 * {@code media-events}: the README says when that holds.
 */
final class EventDeduplicator<K> implements FixedKeyProcessor<K, MediaEvent, MediaEvent> {

    static final String STORE = "seen-event-ids";
    private static final Logger LOG = LoggerFactory.getLogger(EventDeduplicator.class);

    private final Clock clock;
    private final Duration window;
    private final RouterMetrics metrics;
    private FixedKeyProcessorContext<K, MediaEvent> context;
    private WindowStore<String, Long> seen;

    EventDeduplicator(Clock clock, Duration window, RouterMetrics metrics) {
        this.clock = clock;
        this.window = window;
        this.metrics = metrics;
    }

    /**
     * The store of first-seen times (wall clock, from the injected clock), keyed by organization
     * and event id; it keeps entries for the dedup window.
     */
    static StoreBuilder<WindowStore<String, Long>> storeBuilder(Duration window) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(STORE, window, window, false), Serdes.String(), Serdes.Long());
    }

    @Override
    public void init(FixedKeyProcessorContext<K, MediaEvent> context) {
        this.context = context;
        this.seen = context.getStateStore(STORE);
    }

    @Override
    public void process(FixedKeyRecord<K, MediaEvent> record) {
        MediaEvent event = record.value();
        String key = key(event);
        long now = clock.millis();
        // The upper bound reaches past now so that a wall clock stepping back does not forget an id.
        try (WindowStoreIterator<Long> earlier = seen.fetch(key, now - window.toMillis(), now + window.toMillis())) {
            if (earlier.hasNext()) {
                metrics.deduplicated();
                LOG.debug("Dropped duplicate event {} of {} (first seen at {})", event.eventId(), event.organizationId(),
                        earlier.next().value);
                return;
            }
        }
        seen.put(key, now, now);
        context.forward(record);
    }

    /** Length-prefixed so that no two (organization, event) pairs share a key. */
    static String key(MediaEvent event) {
        String organization = event.organizationId().value();
        return organization.getBytes(StandardCharsets.UTF_8).length + ":" + organization + event.eventId().value();
    }
}
