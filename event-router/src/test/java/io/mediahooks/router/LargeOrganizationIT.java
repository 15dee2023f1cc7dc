package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * One organization with 20,000 webhooks (a webhook per channel or partner): far beyond what one
 * record per organization could hold (about 2,500 under Kafka's 1 MB limit). Each webhook is an
 * entry of its own, so an event reaches every one that wants it.
 */
@WithKafka
class LargeOrganizationIT {

    private static final int WEBHOOKS = 20_000;
    private static final String ORGANIZATION = "org_big";

    @Test
    void eventReachesEveryMatchingWebhookOfAnOrganizationWithTwentyThousand(KafkaTestBroker kafka) {
        RouterItSupport it = RouterStartupIT.prepare(kafka, "large");
        it.put(secrets(ORGANIZATION));
        // Even webhooks want VIDEO_READY, odd ones PLAYLIST_CREATED: each event matches half of them.
        for (int n = 0; n < WEBHOOKS; n++) {
            Subscription webhook = webhook(String.format("wh_%05d", n), ORGANIZATION,
                    n % 2 == 0 ? EventType.VIDEO_READY : EventType.PLAYLIST_CREATED);
            kafka.producer().send(new ProducerRecord<>(it.topics.subscriptions().name(),
                    webhook.id().value().getBytes(StandardCharsets.UTF_8), Topics.SUBSCRIPTION.serializer().serialize("", webhook)));
        }
        kafka.producer().flush();

        try (RouterApplication router = RouterStartupIT.start(it)) {
            assertThat(router.webhooksOf(new OrganizationId(ORGANIZATION))).hasSize(WEBHOOKS);
            it.publish(event(ORGANIZATION, "evt_ready", EventType.VIDEO_READY));
            it.publish(event(ORGANIZATION, "evt_playlist", EventType.PLAYLIST_CREATED));

            List<Delivery> deliveries = it.deliveries(WEBHOOKS, Duration.ofSeconds(180));
            Map<String, List<Delivery>> byEvent = deliveries.stream()
                    .collect(Collectors.groupingBy(delivery -> delivery.eventId().value()));
            assertThat(byEvent.get("evt_ready")).extracting(delivery -> delivery.subscriptionId().value())
                    .hasSize(WEBHOOKS / 2).doesNotHaveDuplicates().allMatch(id -> Integer.parseInt(id.substring(3)) % 2 == 0);
            assertThat(byEvent.get("evt_playlist")).extracting(delivery -> delivery.subscriptionId().value())
                    .hasSize(WEBHOOKS / 2).doesNotHaveDuplicates().allMatch(id -> Integer.parseInt(id.substring(3)) % 2 == 1);
            assertThat(deliveries).extracting(Delivery::deliveryId).doesNotHaveDuplicates();
        }
    }
}
