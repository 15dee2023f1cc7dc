package io.mediahooks.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void demoWebhooksAreValidAndOnePointsAtTheFailingPath() {
        List<Subscription> webhooks = Demo.webhooks((name, failing) ->
                URI.create("http://127.0.0.1:1234/" + (failing ? "fail/" : "hooks/") + name));

        for (Subscription webhook : webhooks) {
            assertThat(SubscriptionCodec.INSTANCE.decode(SubscriptionCodec.INSTANCE.encode(webhook))).isEqualTo(webhook);
        }
        assertThat(webhooks).filteredOn(webhook -> !webhook.conditions().isEmpty()).hasSize(1);
        assertThat(webhooks).filteredOn(webhook -> webhook.url().getPath().startsWith("/fail/"))
                .extracting(Subscription::id).containsExactly(Demo.FAILING);
    }

    @Test
    void sampleEventsAreValidWithFreshIdsAndSometimesTaggedSports() {
        Random random = new Random(42);
        List<MediaEvent> events = IntStream.range(0, 50).mapToObj(n -> Demo.event(random, Instant.EPOCH, n)).toList();

        for (MediaEvent event : events) {
            assertThat(MediaEventCodec.INSTANCE.decode(MediaEventCodec.INSTANCE.encode(event))).isEqualTo(event);
        }
        assertThat(events.stream().map(MediaEvent::eventId).distinct()).hasSize(50);
        assertThat(events).anyMatch(event -> event.tags().contains("sports"));
        assertThat(events).anyMatch(event -> Demo.webhooks((n, f) -> URI.create("http://h/" + n)).get(1).matches(event));
    }
}
