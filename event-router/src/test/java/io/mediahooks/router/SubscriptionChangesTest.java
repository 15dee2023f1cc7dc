package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventType;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.test.TestRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Changes on webhook-subscriptions take effect for later events; invalid ones are not applied. */
class SubscriptionChangesTest {

    private RouterDriver router;
    private final Subscription webhook = webhook("wh_1", "org_42", EventType.VIDEO_READY);

    @BeforeEach
    void start() {
        router = new RouterDriver();
        router.put(secrets("org_42"));
        router.put(secrets("org_7"));
        router.put(webhook);
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void deletedByTombstoneGetsNothingLater() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.delete(webhook.id());
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_1");
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_webhooks")).isEqualTo(1);
    }

    @Test
    void tombstoneOfOneWebhookLeavesTheOthers() {
        router.put(webhook("wh_2", "org_42", EventType.VIDEO_READY));
        router.delete(webhook.id());

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).extracting(TestRecord::key).containsExactly(new SubscriptionId("wh_2"));
    }

    @Test
    void updatedUrlAppliesToLaterEvents() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.put(Fixtures.withUrl(webhook, "https://new.example.com/hook"));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(Delivery::url)
                .containsExactly("https://hooks.example.com/wh_1", "https://new.example.com/hook");
    }

    @Test
    void updatedTypesApplyToLaterEvents() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_DELETED));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_DELETED));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_2");
    }

    @Test
    void disablingAndReenablingApplyToLaterEvents() {
        router.put(Fixtures.disabled(webhook));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.put(webhook);
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_2");
    }

    @Test
    void webhookMovedToAnotherOrganizationFollowsIt() {
        router.put(Fixtures.inOrganization(webhook, "org_7"));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.publish(event("org_7", "evt_2", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.organizationId().value()).containsExactly("org_7");
    }

    @Test
    void webhooksAddedAndMovedAfterEventsWereRoutedApplyToTheNextEvents() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.publish(event("org_7", "evt_2", EventType.VIDEO_READY));
        router.put(webhook("wh_2", "org_42", EventType.VIDEO_READY));
        router.publish(event("org_42", "evt_3", EventType.VIDEO_READY));
        router.put(Fixtures.inOrganization(webhook, "org_7"));
        router.publish(event("org_42", "evt_4", EventType.VIDEO_READY));
        router.publish(event("org_7", "evt_5", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value() + " " + delivery.subscriptionId().value())
                .containsExactly("evt_1 wh_1", "evt_3 wh_1", "evt_3 wh_2", "evt_4 wh_2", "evt_5 wh_1");
    }

    @Test
    void invalidUpdateKeepsThePreviousVersionInForce() {
        String badUrl = "{\"id\":\"wh_1\",\"organization_id\":\"org_42\",\"url\":\"ftp://files.example.com/\","
                + "\"events\":[\"ALL\"],\"enabled\":true}";
        router.putSubscriptionRaw("wh_1", badUrl.getBytes(StandardCharsets.UTF_8));
        router.putSubscriptionRaw("wh_1", "not json".getBytes(StandardCharsets.UTF_8));
        String unknownCondition = "{\"id\":\"wh_1\",\"organization_id\":\"org_42\",\"url\":\"https://x.example.com/\","
                + "\"events\":[\"ALL\"],\"conditions\":[{\"type\":\"has_mood\",\"name\":\"happy\"}]}";
        router.putSubscriptionRaw("wh_1", unknownCondition.getBytes(StandardCharsets.UTF_8));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_DELETED));

        assertThat(router.deliveryValues()).extracting(Delivery::url, delivery -> delivery.eventId().value())
                .containsExactly(Tuple.tuple("https://hooks.example.com/wh_1", "evt_1"));
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "subscription")).isEqualTo(3);
    }

    @Test
    void subscriptionFiledUnderAnotherKeyIsRejected() {
        Subscription other = webhook("wh_2", "org_42", EventType.VIDEO_READY);
        router.putSubscriptionRaw("wh_1", Topics.SUBSCRIPTION.serializer().serialize("", other));
        router.putSubscriptionRaw(null, Topics.SUBSCRIPTION.serializer().serialize("", other));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).extracting(TestRecord::key).containsExactly(new SubscriptionId("wh_1"));
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "subscription")).isEqualTo(2);
    }

    @Test
    void invalidSubscriptionsDoNotStopRouting() {
        router.putSubscriptionRaw("wh_9", new byte[] {(byte) 0xff, 0x00});
        router.putSubscriptionRaw(" ", "{}".getBytes(StandardCharsets.UTF_8));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).hasSize(1);
    }
}
