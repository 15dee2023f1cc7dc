package io.mediahooks.cli.deadletters;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Dead letters as the worker writes them, for the tests. */
final class DeadLetterFixtures {

    private DeadLetterFixtures() {
    }

    /** A delivery of event {@code eventId} to {@code webhook}, dead-lettered at {@code at} after 4 attempts answered 503. */
    static Delivery deadLetter(String webhook, String organization, String eventId, Instant at) {
        OrganizationId org = new OrganizationId(organization);
        SubscriptionId subscription = new SubscriptionId(webhook);
        EventId event = new EventId(eventId);
        Delivery routed = new Delivery(DeliveryId.of(org, event, subscription), subscription, org, event,
                EventType.VIDEO_READY, RfcTimestamp.of(at.minusSeconds(60)), "https://hooks.example.com/" + webhook,
                "{\"event_type\":\"VIDEO_READY\",\"event_id\":\"" + eventId + "\"}", at.minusSeconds(59), 0,
                Optional.empty(), Optional.empty());
        Attempt last = new Attempt(routed.deliveryId(), subscription, org, event, EventType.VIDEO_READY, 4, routed.url(),
                OptionalInt.of(503), Optional.empty(), 12, at, AttemptOutcome.DEAD_LETTERED);
        return routed.deadLettered(last);
    }
}
