package io.mediahooks.router.stream;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.RouterMetrics.InputKind;
import io.mediahooks.router.routing.OrganizationWebhooks;
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
    /** An organization's webhooks in the router's store and changelog. */
    public static final Serde<OrganizationWebhooks> WEBHOOKS = new OrganizationWebhooksSerde();

    private final Clock clock;
    private final Duration dedupWindow;
    private final RouterMetrics metrics;

    public RouterStages(Clock clock, Duration dedupWindow, RouterMetrics metrics) {
        this.clock = clock;
        this.dedupWindow = dedupWindow;
        this.metrics = metrics;
    }

    /** Drops events whose (organization, event id) was seen within the dedup window; brings its own store. */
    public FixedKeyProcessorSupplier<OrganizationId, MediaEvent, MediaEvent> deduplicator() {
        return new FixedKeyProcessorSupplier<>() {
            @Override
            public FixedKeyProcessor<OrganizationId, MediaEvent, MediaEvent> get() {
                return new EventDeduplicator(clock, dedupWindow, metrics);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(EventDeduplicator.storeBuilder(dedupWindow));
            }
        };
    }

    /** Passes subscriptions filed under their own id, and tombstones. */
    public FixedKeyProcessor<SubscriptionId, Subscription, Subscription> subscriptionCheck() {
        return new TableRecordCheck<>(InputKind.SUBSCRIPTION, "id", Subscription::id, metrics);
    }

    /** Passes secrets filed under their own organization id, and tombstones. */
    public FixedKeyProcessor<OrganizationId, OrganizationSecrets, OrganizationSecrets> secretsCheck() {
        return new TableRecordCheck<>(InputKind.SECRETS, "organization_id", OrganizationSecrets::organizationId, metrics);
    }

    /** Turns each joined event into its deliveries, keyed by subscription id. */
    public Processor<OrganizationId, RoutingInput, SubscriptionId, Delivery> router() {
        return new RouteProcessor(clock, metrics);
    }

    public static RoutingInput withWebhooks(MediaEvent event, OrganizationWebhooks webhooksOrNull) {
        return RoutingInput.withWebhooks(event, webhooksOrNull);
    }

    public static RoutingInput withSecrets(RoutingInput input, OrganizationSecrets secretsOrNull) {
        return input.withSecrets(secretsOrNull);
    }
}
