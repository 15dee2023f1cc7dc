package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The customers of the start-up and scaling tests: {@code organizations} organizations, each with
 * a secret and {@value #WEBHOOKS_PER_ORGANIZATION} webhooks that all want VIDEO_READY (three by
 * type, two by ALL), so each event {@code evt_<n>} of organization {@code org_<n % organizations>}
 * makes exactly five deliveries whose ids are known in advance.
 */
final class Customers {

    static final int WEBHOOKS_PER_ORGANIZATION = 5;

    private final RouterItSupport it;
    private final int organizations;

    Customers(RouterItSupport it, int organizations) {
        this.it = it;
        this.organizations = organizations;
    }

    /** Writes every webhook and secret to their topics and waits for the acknowledgements. */
    Customers putAll() {
        for (int org = 0; org < organizations; org++) {
            String organization = "org_" + org;
            it.put(secrets(organization));
            for (int k = 0; k < 3; k++) {
                it.put(webhook("wh_" + org + "_ready_" + k, organization, EventType.VIDEO_READY));
            }
            for (int k = 0; k < 2; k++) {
                it.put(webhook("wh_" + org + "_all_" + k, organization, "https://hooks.example.com/all/" + org + "/" + k,
                        EventSelection.allTypes()));
            }
        }
        return this;
    }

    MediaEvent event(int n) {
        return Fixtures.event("org_" + (n % organizations), "evt_" + n, EventType.VIDEO_READY);
    }

    /** Events {@code from} (inclusive) to {@code to}, keyed by organization, sent in bulk and then flushed. */
    void publish(int from, int to) {
        for (int n = from; n < to; n++) {
            MediaEvent event = event(n);
            it.kafka.producer().send(new ProducerRecord<>(it.topics.mediaEvents().name(),
                    event.organizationId().value().getBytes(StandardCharsets.UTF_8), Fixtures.json(event)));
        }
        it.kafka.producer().flush();
    }

    /** The delivery ids events {@code 0} to {@code events - 1} must make, each exactly once. */
    Set<String> expectedIds(int events) {
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < events; n++) {
            OrganizationId organization = new OrganizationId("org_" + (n % organizations));
            EventId eventId = new EventId("evt_" + n);
            int org = n % organizations;
            for (int k = 0; k < 3; k++) {
                ids.add(DeliveryId.of(organization, eventId, new SubscriptionId("wh_" + org + "_ready_" + k)).value());
            }
            for (int k = 0; k < 2; k++) {
                ids.add(DeliveryId.of(organization, eventId, new SubscriptionId("wh_" + org + "_all_" + k)).value());
            }
        }
        return ids;
    }

    /**
     * Asserts that {@code webhook-deliveries}, read committed, holds every delivery of events
     * {@code 0} to {@code events - 1} exactly once, and nothing else.
     */
    void assertEveryDeliveryExactlyOnce(int events) {
        Set<String> expected = expectedIds(events);
        List<Delivery> deliveries = it.deliveries(expected.size(), Duration.ofSeconds(120));
        Set<String> ids = deliveries.stream().map(delivery -> delivery.deliveryId().value()).collect(Collectors.toSet());
        assertThat(ids).as("distinct delivery ids").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(deliveries).as("deliveries, duplicates included").hasSize(expected.size());
        // Anything beyond the expected count would be a duplicate: give it a moment to show up.
        assertThat(it.deliveries(expected.size() + 1, Duration.ofSeconds(3))).as("deliveries after a pause").hasSize(expected.size());
    }
}
