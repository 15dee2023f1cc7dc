package io.mediahooks.router.stream;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.routing.EventRouter;
import io.mediahooks.router.routing.Routing;
import io.mediahooks.router.state.DecodeCache;
import io.mediahooks.router.state.OrganizationWebhooks;
import io.mediahooks.router.state.SecretsIndex;
import io.mediahooks.router.state.WebhookIndex;
import io.mediahooks.router.state.WebhookVersions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up the event's organization in the global stores, applies {@link EventRouter} and emits
 * one delivery per matching webhook, keyed by subscription id. Global stores are complete before
 * any stream task runs, so no event is routed against a half-loaded table.
 */
final class RouteProcessor<K> implements Processor<K, MediaEvent, SubscriptionId, Delivery> {

    private static final Logger LOG = LoggerFactory.getLogger(RouteProcessor.class);

    private final Clock clock;
    private final RouterMetrics metrics;
    private final Decoders decoders;
    private final DeliverySizeGuard sizeGuard;
    private ProcessorContext<SubscriptionId, Delivery> context;
    private KeyValueStore<String, byte[]> webhooks;
    private KeyValueStore<String, byte[]> secrets;

    /** The decoded webhooks and secrets a stream thread keeps, shared by its tasks. */
    record Decoders(OrganizationWebhooks webhooks, DecodeCache<OrganizationSecrets> secrets) {

        /**
         * Room for an organization of 20,000 webhooks, or many smaller ones: about 1.1 KB of heap
         * per decoded webhook (its bytes and its objects), so up to about 22 MB per stream thread.
         */
        static final int WEBHOOKS = 20_000;
        /** The secrets of 10,000 organizations with webhooks, well under 1 KB each. */
        static final int SECRETS = 10_000;

        /**
         * Secrets are opened here, into memory only: the store keeps them sealed. The lists of
         * webhooks by organization hold as many webhooks as are kept decoded.
         */
        static Decoders create(SecretsAtRest secretsAtRest, WebhookVersions versions) {
            return new Decoders(new OrganizationWebhooks(versions, new DecodeCache<>(SubscriptionCodec.INSTANCE, WEBHOOKS), WEBHOOKS),
                    new DecodeCache<>(new OrganizationSecretsCodec(secretsAtRest), SECRETS));
        }
    }

    RouteProcessor(Clock clock, RouterMetrics metrics, Decoders decoders, DeliverySizeGuard sizeGuard) {
        this.clock = clock;
        this.metrics = metrics;
        this.decoders = decoders;
        this.sizeGuard = sizeGuard;
    }

    @Override
    public void init(ProcessorContext<SubscriptionId, Delivery> context) {
        this.context = context;
        this.webhooks = context.getStateStore(WebhookIndex.STORE);
        this.secrets = context.getStateStore(SecretsIndex.STORE);
    }

    @Override
    public void process(Record<K, MediaEvent> record) {
        MediaEvent event = record.value();
        List<Subscription> candidates = decoders.webhooks().of(webhooks, event.organizationId());
        Optional<OrganizationSecrets> organizationSecrets = candidates.isEmpty() ? Optional.empty()
                : SecretsIndex.secretsOf(secrets, event.organizationId(), decoders.secrets());
        // Secret expiry is judged now, when the event is routed, not when it was published.
        Routing routing = EventRouter.route(event, candidates, organizationSecrets, clock.instant());
        if (routing instanceof Routing.Routed routed) {
            // Before the first send: a send Kafka refuses would fail the whole transaction (see DeliverySizeGuard).
            sizeGuard.check(routed.deliveries(), record.headers());
            for (Delivery delivery : routed.deliveries()) {
                context.forward(record.withKey(delivery.subscriptionId()).withValue(delivery));
            }
            metrics.routed(routed.deliveries().size());
            LOG.debug("Routed event {} ({}) of {} to {} webhooks", event.eventId(), event.eventType(),
                    event.organizationId(), routed.deliveries().size());
        } else if (routing instanceof Routing.Skipped skipped) {
            metrics.skipped(skipped.reason());
            LOG.debug("Skipped event {} ({}) of {}: {}", event.eventId(), event.eventType(), event.organizationId(),
                    skipped.reason().wireName());
        }
    }
}
