package io.mediahooks.router.routing;

import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Condition;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.Subscription;
import io.mediahooks.router.Fixtures;
import io.mediahooks.router.stream.RouterStages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationWebhooksTest {

    @Test
    void addingReplacesByIdAndRemovingIgnoresStrangers() {
        Subscription first = webhook("wh_1", "org_42", EventType.VIDEO_READY);
        OrganizationWebhooks webhooks = OrganizationWebhooks.empty()
                .with(first)
                .with(webhook("wh_2", "org_42", EventType.VIDEO_READY))
                .with(Fixtures.withUrl(first, "https://new.example.com/"))
                .without(Fixtures.sub("wh_9"))
                .without(Fixtures.sub("wh_2"));

        assertThat(webhooks.all()).extracting(subscription -> subscription.url().toString()).containsExactly("https://new.example.com/");
    }

    @Test
    void survivesTheStoreSerdeUnchangedAndReadable() {
        OrganizationWebhooks webhooks = OrganizationWebhooks.of(List.of(
                webhook("wh_2", "org_42", "https://hooks.example.com/a?b=c", EventSelection.allTypes(), new Condition.HasTag("news\nline")),
                Fixtures.disabled(webhook("wh_1", "org_42", EventType.VIDEO_READY, EventType.LIVESTREAM_ERROR))));

        byte[] bytes = RouterStages.WEBHOOKS.serializer().serialize("", webhooks);

        assertThat(RouterStages.WEBHOOKS.deserializer().deserialize("", bytes)).isEqualTo(webhooks);
        assertThat(new String(bytes, StandardCharsets.UTF_8).lines()).hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"wh_"));
        assertThat(RouterStages.WEBHOOKS.deserializer().deserialize("", RouterStages.WEBHOOKS.serializer()
                .serialize("", OrganizationWebhooks.empty()))).isEqualTo(OrganizationWebhooks.empty());
    }

    @Test
    void sameBytesDecodeOnceEachThread() {
        byte[] bytes = RouterStages.WEBHOOKS.serializer().serialize("", OrganizationWebhooks.of(List.of(
                webhook("wh_1", "org_42", EventType.VIDEO_READY))));

        OrganizationWebhooks first = RouterStages.WEBHOOKS.deserializer().deserialize("", bytes);

        assertThat(RouterStages.WEBHOOKS.deserializer().deserialize("", bytes.clone())).isSameAs(first);
    }
}
