package io.mediahooks.router.routing;

import io.mediahooks.model.Delivery;
import java.util.List;

/** What the router decided for one event: the deliveries to write, or the one reason there are none. */
public sealed interface Routing permits Routing.Routed, Routing.Skipped {

    /** One delivery per matching webhook, in subscription id order; never empty. */
    record Routed(List<Delivery> deliveries) implements Routing {
        public Routed {
            deliveries = List.copyOf(deliveries);
            if (deliveries.isEmpty()) {
                throw new IllegalArgumentException("a routed event has at least one delivery");
            }
        }
    }

    /** Nothing to deliver, and why. */
    record Skipped(SkipReason reason) implements Routing {
    }
}
