package io.mediahooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.json.MediaEventCodec;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionMatchingTest {

    private static final OrganizationId ORG = new OrganizationId("org_42");

    private static MediaEvent event(EventType type, String... tags) {
        ObjectNode payload = MediaEventCodec.payload("vid_9", "Final", List.of(tags));
        return new MediaEvent(new EventId("evt_1"), type, RfcTimestamp.of(Instant.parse("2026-11-26T12:00:00Z")), ORG, payload, List.of(tags));
    }

    private static Subscription webhook(EventSelection events, boolean enabled, Condition... conditions) {
        return new Subscription(new SubscriptionId("wh_1"), ORG, URI.create("https://h.example.com/"), events,
                List.of(conditions), enabled, Optional.empty());
    }

    @Test
    void matchesOnlyTheChosenTypes() {
        Subscription subscription = webhook(EventSelection.of(EventType.VIDEO_READY, EventType.LIVESTREAM_UPDATED), true);
        assertThat(subscription.matches(event(EventType.VIDEO_READY))).isTrue();
        assertThat(subscription.matches(event(EventType.LIVESTREAM_UPDATED))).isTrue();
        assertThat(subscription.matches(event(EventType.VIDEO_DELETED))).isFalse();
    }

    @Test
    void allMatchesEveryType() {
        Subscription subscription = webhook(EventSelection.allTypes(), true);
        for (EventType type : EventType.values()) {
            assertThat(subscription.matches(event(type))).as(type.name()).isTrue();
        }
    }

    @Test
    void hasTagComparesCaseInsensitively() {
        Subscription subscription = webhook(EventSelection.allTypes(), true, new Condition.HasTag("Sports"));
        assertThat(subscription.matches(event(EventType.VIDEO_READY, "SPORTS", "news"))).isTrue();
        assertThat(subscription.matches(event(EventType.VIDEO_READY, "sport"))).isFalse();
        assertThat(subscription.matches(event(EventType.VIDEO_READY))).isFalse();
    }

    @Test
    void everyConditionMustHold() {
        Subscription subscription = webhook(EventSelection.allTypes(), true, new Condition.HasTag("sports"), new Condition.HasTag("live"));
        assertThat(subscription.matches(event(EventType.VIDEO_READY, "sports"))).isFalse();
        assertThat(subscription.matches(event(EventType.VIDEO_READY, "live", "sports"))).isTrue();
    }

    @Test
    void disabledWebhookMatchesNothing() {
        assertThat(webhook(EventSelection.allTypes(), false).matches(event(EventType.VIDEO_READY))).isFalse();
    }

    @Test
    void anotherOrganizationsEventDoesNotMatch() {
        MediaEvent other = new MediaEvent(new EventId("evt_1"), EventType.VIDEO_READY, RfcTimestamp.of(Instant.EPOCH),
                new OrganizationId("org_7"), MediaEventCodec.payload("v", "n", List.of()), List.of());
        assertThat(webhook(EventSelection.allTypes(), true).matches(other)).isFalse();
    }

    @Test
    void deliveryIdIsStableAndDistinctPerEventAndSubscription() {
        DeliveryId id = DeliveryId.of(ORG, new EventId("evt_1"), new SubscriptionId("wh_1"));
        assertThat(DeliveryId.of(ORG, new EventId("evt_1"), new SubscriptionId("wh_1"))).isEqualTo(id);
        assertThat(DeliveryId.of(ORG, new EventId("evt_1"), new SubscriptionId("wh_2"))).isNotEqualTo(id);
        assertThat(DeliveryId.of(ORG, new EventId("evt_2"), new SubscriptionId("wh_1"))).isNotEqualTo(id);
        assertThat(id.value()).matches("msg_[0-9a-f]{32}");
    }
}
