package io.mediahooks.api.deliveries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.kafka.ViewWriter;
import io.mediahooks.api.views.Keys;
import io.mediahooks.api.views.ViewTopology;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.kafka.Topics;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Test events: an example event delivered to one webhook only, through the real pipeline. The router
 * fans events out to every match, so a test skips it: the delivery record (the exact four-field body,
 * a delivery id derived as the router derives it) goes straight to {@code webhook-deliveries}, keyed
 * by the webhook, where the workers sign it, POST it and log its attempts like any other.
 */
public final class TestEvents {

    /** The ids a client follows the test by. */
    public record Sent(Delivery delivery) {
    }

    private final Views views;
    private final ViewWriter writer;
    private final Topics topics;
    private final Clock clock;
    private final SecureRandom random;

    public TestEvents(Views views, ViewWriter writer, Topics topics, Clock clock, SecureRandom random) {
        this.views = views;
        this.writer = writer;
        this.topics = topics;
        this.clock = clock;
        this.random = random;
    }

    public Sent send(Subscription webhook, EventType type) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        ObjectNode payload = EventCatalog.examplePayload(type);
        MediaEvent event = new MediaEvent(new EventId("evt_test_" + HexFormat.of().formatHex(suffix)), type,
                RfcTimestamp.of(now.truncatedTo(ChronoUnit.SECONDS)), webhook.organizationId(), payload, List.of("example"));
        Delivery delivery = Delivery.route(event, webhook, MediaEventCodec.deliveryBody(event), now);
        String key = Keys.join(ViewTopology.BY_DELIVERY, delivery.deliveryId().value());
        writer.write(topics.deliveries(), webhook.id(), DeliveryCodec.INSTANCE.encode(delivery),
                () -> views.deliveries().get(key) != null);
        return new Sent(delivery);
    }

    /** The type a test sends when none is asked for: the webhook's first, or VIDEO_READY for "ALL". */
    public static EventType defaultType(Subscription webhook) {
        return webhook.events().all() || webhook.events().types().isEmpty() ? EventType.VIDEO_READY
                : webhook.events().types().stream().sorted().findFirst().orElseThrow();
    }

    public static EventType parseType(String name) {
        return EventType.fromWireName(name).orElseThrow(() -> ApiProblem.invalid("event_type", "unknown value " + name));
    }
}
