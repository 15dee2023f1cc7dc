package io.mediahooks.router.stream;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.state.SecretsIndexer;
import io.mediahooks.router.state.SubscriptionIndexer;
import io.mediahooks.router.state.WebhookVersions;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.state.StoreBuilder;

/** The router's processing stages and serdes, ready to plug into the DSL; {@code RouterTopology} wires them. */
public final class RouterStages {

    /**
     * Media event values as the router reads them: unlike the plain serde, an empty value (a
     * tombstone) is invalid too, so that it is set aside rather than flowing on as null.
     */
    public static final Serde<MediaEvent> STRICT_MEDIA_EVENT =
            Serdes.serdeFrom(Topics.MEDIA_EVENT.serializer(), (topic, bytes) -> MediaEventCodec.INSTANCE.decode(bytes));

    private final Clock clock;
    private final Duration dedupWindow;
    private final SecretsAtRest secretsAtRest;
    private final UrlPolicy urlPolicy;
    private final RouterMetrics metrics;
    private final DeliverySizeGuard sizeGuard;
    // Processors are created by the stream thread that runs their task: each thread gets its own decoders.
    private final ThreadLocal<RouteProcessor.Decoders> decoders;
    /** Bumped by the global thread's webhook indexer, read by every stream thread's lists of webhooks. */
    private final WebhookVersions versions = new WebhookVersions();

    /**
     * @param urlPolicy      webhooks whose URL it refuses are not applied to the webhook store
     * @param maxRecordBytes the largest record the router's producer sends: larger deliveries set their event aside
     */
    public RouterStages(Clock clock, Duration dedupWindow, SecretsAtRest secretsAtRest, UrlPolicy urlPolicy, RouterMetrics metrics,
                        int maxRecordBytes) {
        this.clock = clock;
        this.dedupWindow = dedupWindow;
        this.secretsAtRest = secretsAtRest;
        this.urlPolicy = urlPolicy;
        this.metrics = metrics;
        this.decoders = ThreadLocal.withInitial(() -> RouteProcessor.Decoders.create(secretsAtRest, versions));
        this.sizeGuard = new DeliverySizeGuard(maxRecordBytes);
    }

    /** Drops events whose (organization, event id) was seen within the dedup window; brings its own store. */
    public <K> FixedKeyProcessorSupplier<K, MediaEvent, MediaEvent> deduplicator() {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<K, MediaEvent, MediaEvent> get() {
                return new EventDeduplicator<>(clock, dedupWindow, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(EventDeduplicator.storeBuilder(dedupWindow));
            }
        };
    }

    /** Keeps the global webhook store in step with {@code webhook-subscriptions}, webhooks with a refused URL left out. */
    public SubscriptionIndexer subscriptionIndexer() {
        return new SubscriptionIndexer(urlPolicy, versions, metrics);
    }

    /** Keeps the global secrets store in step with {@code webhook-secrets}. */
    public SecretsIndexer secretsIndexer() {
        return new SecretsIndexer(secretsAtRest, metrics);
    }

    /** Turns each event into its deliveries, keyed by subscription id, from the global stores. */
    public <K> Processor<K, MediaEvent, SubscriptionId, Delivery> router() {
        return new RouteProcessor<>(clock, metrics, decoders.get(), sizeGuard);
    }
}
