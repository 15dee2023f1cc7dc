package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Condition;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.MediaEventCodec;
import io.micrometer.core.instrument.Counter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which webhooks get an event, on the real topology (TopologyTestDriver). */
class RoutingRulesTest {

    private RouterDriver router;

    @BeforeEach
    void start() {
        router = new RouterDriver();
        router.put(secrets("org_42"));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void fansOutOneEventToEveryMatchingWebhook() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
        router.put(webhook("wh_2", "org_42", EventType.VIDEO_READY, EventType.VIDEO_DELETED));
        router.put(webhook("wh_3", "org_42", "https://other.example.com/", EventSelection.allTypes()));
        router.put(webhook("wh_4", "org_42", EventType.PLAYLIST_CREATED));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).extracting(TestRecord::key)
                .containsExactly(new SubscriptionId("wh_1"), new SubscriptionId("wh_2"), new SubscriptionId("wh_3"));
        assertThat(router.count("mediahooks.router.events.routed")).isEqualTo(1);
        assertThat(router.count("mediahooks.router.deliveries")).isEqualTo(3);
    }

    @Test
    void allSelectsEveryEventType() {
        router.put(webhook("wh_all", "org_42", "https://hooks.example.com/all", EventSelection.allTypes()));

        for (EventType type : EventType.values()) {
            router.publish(event("org_42", "evt_" + type, type));
        }

        assertThat(router.deliveryValues()).extracting(Delivery::eventType).containsExactly(EventType.values());
    }

    @Test
    void webhookWithSeveralTypesGetsEachOfThemAndNothingElse() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY, EventType.LIVESTREAM_UPDATED));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_UPDATED));
        router.publish(event("org_42", "evt_3", EventType.LIVESTREAM_UPDATED));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_1", "evt_3");
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_match")).isEqualTo(1);
    }

    @Test
    void hasTagConditionComparesCaseInsensitively() {
        router.put(webhook("wh_1", "org_42", "https://hooks.example.com/sports", EventSelection.allTypes(),
                new Condition.HasTag("Sports")));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY, "SPORTS", "highlights"));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY, "news"));
        router.publish(event("org_42", "evt_3", EventType.VIDEO_READY, "sports"));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_1", "evt_3");
    }

    @Test
    void everyConditionMustHold() {
        router.put(webhook("wh_1", "org_42", "https://hooks.example.com/", EventSelection.allTypes(),
                new Condition.HasTag("sports"), new Condition.HasTag("live")));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY, "sports"));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY, "live", "Sports"));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_2");
    }

    @Test
    void disabledWebhookGetsNothingAndIsCountedAsDisabled() {
        router.put(Fixtures.disabled(webhook("wh_1", "org_42", EventType.VIDEO_READY)));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).isEmpty();
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "disabled")).isEqualTo(1);
    }

    @Test
    void eventsOfOtherOrganizationsDoNotReachAWebhook() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
        router.put(secrets("org_7"));

        router.publish(event("org_7", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).isEmpty();
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_webhooks")).isEqualTo(1);
    }

    @Test
    void deliveryCarriesTheExactBodyAStableIdAndTheWebhook() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
        MediaEvent event = event("org_42", "evt_7b1c0e", EventType.VIDEO_READY, "sports");

        router.publish(event);

        TestRecord<SubscriptionId, Delivery> record = router.deliveries().get(0);
        Delivery delivery = record.value();
        assertThat(record.key()).isEqualTo(new SubscriptionId("wh_1"));
        assertThat(delivery.deliveryId()).isEqualTo(DeliveryId.of(event.organizationId(), event.eventId(), new SubscriptionId("wh_1")));
        assertThat(delivery.body()).isEqualTo(MediaEventCodec.deliveryBody(event))
                .startsWith("{\"event_type\":\"VIDEO_READY\",\"event_id\":\"evt_7b1c0e\",\"created_at\":\"2026-11-26T12:00:00Z\",\"payload\":{");
        assertThat(delivery.url()).isEqualTo("https://hooks.example.com/wh_1");
        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.routedAt()).isEqualTo(RouterDriver.START);
        assertThat(delivery.notBefore()).isEmpty();
    }

    @Test
    void bodyKeepsThePayloadAsPublished() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
        String published = "{\"event_id\":\"evt_1\",\"event_type\":\"VIDEO_READY\",\"created_at\":\"2026-11-26T13:00:00.120+01:00\","
                + "\"organization_id\":\"org_42\",\"payload\":{\"id\":\"vid_9\",\"duration\":1.10,\"size\":12345678901234567890,"
                + "\"title\":\"Caf\\u00e9 \u2603\",\"nested\":{\"b\":[1,2.50,null,true]},\"tags\":[]}}";

        router.publishRaw(null, published.getBytes(StandardCharsets.UTF_8), new RecordHeaders());

        assertThat(router.deliveryValues()).singleElement().extracting(Delivery::body).isEqualTo(
                "{\"event_type\":\"VIDEO_READY\",\"event_id\":\"evt_1\",\"created_at\":\"2026-11-26T13:00:00.120+01:00\","
                        + "\"payload\":{\"id\":\"vid_9\",\"duration\":1.10,\"size\":12345678901234567890,"
                        + "\"title\":\"Café ☃\",\"nested\":{\"b\":[1,2.50,null,true]},\"tags\":[]}}");
    }

    @Test
    void eventsAreRoutedWhateverTheirRecordKey() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));

        router.publishRaw(null, Fixtures.json(event("org_42", "evt_1", EventType.VIDEO_READY)), new RecordHeaders());
        router.publishRaw(RouterDriver.utf8("video/vid_9"), Fixtures.json(event("org_42", "evt_2", EventType.VIDEO_READY)),
                new RecordHeaders());

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_1", "evt_2");
    }

    @Test
    void everyEventIsCountedOnceAsRoutedOrSkipped() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));

        List.of(event("org_42", "evt_1", EventType.VIDEO_READY), event("org_42", "evt_2", EventType.VIDEO_DELETED),
                event("org_9", "evt_3", EventType.VIDEO_READY)).forEach(router::publish);

        double skipped = router.registry.find("mediahooks.router.events.skipped").counters().stream()
                .mapToDouble(Counter::count).sum();
        assertThat(router.count("mediahooks.router.events.routed") + skipped).isEqualTo(3);
    }
}
