package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.state.WebhookIndex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The global webhook store, one entry per webhook, as {@code webhook-subscriptions} records change it. */
class WebhookStoreTest {

    private final RouterDriver router = new RouterDriver();

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void webhooksOfAnOrganizationComeBackInIdOrder() {
        router.put(webhook("wh_b", "org_42", EventType.VIDEO_READY));
        router.put(webhook("wh_c", "org_42", EventType.VIDEO_READY));
        router.put(webhook("wh_a", "org_42", EventType.VIDEO_READY));

        assertThat(router.webhooksOf("org_42")).extracting(webhook -> webhook.id().value()).containsExactly("wh_a", "wh_b", "wh_c");
    }

    @Test
    void organizationWhoseIdPrefixesAnotherSeesOnlyItsOwnWebhooks() {
        router.put(webhook("wh_1", "org_1", EventType.VIDEO_READY));
        router.put(webhook("wh_10", "org_10", EventType.VIDEO_READY));
        router.put(webhook("wh_11", "org_1 ", EventType.VIDEO_READY));

        assertThat(router.webhooksOf("org_1")).extracting(Subscription::id).containsExactly(new SubscriptionId("wh_1"));
        assertThat(router.webhooksOf("org_10")).extracting(Subscription::id).containsExactly(new SubscriptionId("wh_10"));
    }

    @Test
    void webhookMovedToAnotherOrganizationLeavesNoEntryBehind() {
        Subscription webhook = webhook("wh_1", "org_a", EventType.VIDEO_READY);
        router.put(webhook);
        router.put(Fixtures.inOrganization(webhook, "org_b"));

        assertThat(router.webhooksOf("org_a")).isEmpty();
        assertThat(router.webhooksOf("org_b")).extracting(Subscription::organizationId).containsExactly(new OrganizationId("org_b"));
        assertThat(WebhookIndex.organizationOf(router.webhookStore(), webhook.id())).contains(new OrganizationId("org_b"));
        assertThat(entries()).hasSize(2);
    }

    @Test
    void tombstoneRemovesTheWebhookAndItsOwnerEntry() {
        Subscription webhook = webhook("wh_1", "org_42", EventType.VIDEO_READY);
        router.put(webhook);
        router.put(webhook("wh_2", "org_42", EventType.VIDEO_READY));
        router.delete(webhook.id());

        assertThat(router.webhooksOf("org_42")).extracting(Subscription::id).containsExactly(new SubscriptionId("wh_2"));
        assertThat(entries()).hasSize(2);
    }

    @Test
    void tombstoneOfAnUnknownWebhookChangesNothing() {
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
        router.delete(new SubscriptionId("wh_unknown"));

        assertThat(entries()).hasSize(2);
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "subscription")).isZero();
    }

    @Test
    void invalidRecordsLeaveThePreviousVersionAndAreCounted() {
        Subscription webhook = webhook("wh_1", "org_42", EventType.VIDEO_READY);
        router.put(webhook);
        router.putSubscriptionRaw("wh_1", "{not json".getBytes(StandardCharsets.UTF_8));
        byte[] json = Topics.SUBSCRIPTION.serializer().serialize("", webhook);
        router.putSubscriptionRaw("wh_other", json);
        router.putSubscriptionRaw(null, json);
        router.putSubscriptionRaw("", null);

        assertThat(router.webhooksOf("org_42")).containsExactly(webhook);
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "subscription")).isEqualTo(4);
    }

    private List<KeyValue<String, byte[]>> entries() {
        List<KeyValue<String, byte[]>> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> iterator = router.webhookStore().all()) {
            iterator.forEachRemaining(all::add);
        }
        return all;
    }
}
