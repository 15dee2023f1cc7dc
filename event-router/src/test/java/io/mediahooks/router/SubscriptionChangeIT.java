package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.Subscription;
import io.mediahooks.runtime.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On the real broker, a changed, added or deleted webhook applies to the events that come after the change. */
@WithKafka
class SubscriptionChangeIT {

    @Test
    void subscriptionChangesTakeEffectForLaterEvents(KafkaTestBroker kafka) {
        RouterItSupport it = new RouterItSupport(kafka, "changes");
        Subscription changed = webhook("wh_1", "org_42", EventType.VIDEO_READY);
        Subscription deleted = webhook("wh_2", "org_42", EventType.VIDEO_READY);

        try (RouterApplication router = RouterApplication.start(RouterConfig.from(new Environment(it.env())), Clock.systemUTC())) {
            it.put(secrets("org_42"));
            it.put(changed);
            it.put(deleted);
            RouterItSupport.awaitLoaded(router, "org_42", 2);
            it.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
            assertThat(it.deliveries(2, Duration.ofSeconds(30))).hasSize(2);

            Subscription moved = Fixtures.withUrl(changed, "https://moved.example.com/hook");
            Subscription added = webhook("wh_3", "org_42", "https://hooks.example.com/all", EventSelection.allTypes());
            it.put(moved);
            it.delete(deleted.id());
            it.put(added);
            RouterItSupport.awaitWebhooks(router, "org_42", moved, added);
            it.publish(event("org_42", "evt_2", EventType.VIDEO_READY));

            List<Delivery> later = it.deliveries(4, Duration.ofSeconds(30)).stream()
                    .filter(delivery -> delivery.eventId().value().equals("evt_2")).toList();
            assertThat(later).extracting(delivery -> delivery.subscriptionId().value() + " " + delivery.url())
                    .containsExactlyInAnyOrder("wh_1 https://moved.example.com/hook", "wh_3 https://hooks.example.com/all");
            assertThat(it.deliveries(5, Duration.ofSeconds(2))).hasSize(4);
        }
    }
}
