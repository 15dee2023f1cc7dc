package io.mediahooks.router.stream;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.routing.EventRouter;
import io.mediahooks.router.routing.Routing;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies {@link EventRouter} to each joined event and emits its deliveries keyed by subscription id. */
final class RouteProcessor implements Processor<OrganizationId, RoutingInput, SubscriptionId, Delivery> {

    private static final Logger LOG = LoggerFactory.getLogger(RouteProcessor.class);

    private final Clock clock;
    private final RouterMetrics metrics;
    private ProcessorContext<SubscriptionId, Delivery> context;

    RouteProcessor(Clock clock, RouterMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<SubscriptionId, Delivery> context) {
        this.context = context;
    }

    @Override
    public void process(Record<OrganizationId, RoutingInput> record) {
        RoutingInput input = record.value();
        MediaEvent event = input.event();
        // Secret expiry is judged now, when the event is routed, not when it was published.
        Routing routing = EventRouter.route(event, input.webhooks(), input.secrets(), clock.instant());
        if (routing instanceof Routing.Routed routed) {
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
