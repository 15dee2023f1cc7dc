package io.mediahooks.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.runtime.Environment;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Webhooks and secrets already in Kafka, a router starting without any state, events published
 * the moment it starts: no event may be routed before every webhook and secret is loaded, so
 * every expected delivery is in {@code webhook-deliveries} exactly once (read committed).
 */
@WithKafka
class RouterStartupIT {

    private static final int ORGANIZATIONS = 10;

    @Test
    void eventsPublishedAtStartUpOnFreshStateReachEveryWebhookExactlyOnce(KafkaTestBroker kafka) {
        RouterItSupport it = prepare(kafka, "startup");
        Customers customers = new Customers(it, ORGANIZATIONS).putAll();
        customers.publish(0, 100);

        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> customers.publish(100, 300));
        try (RouterApplication router = start(it)) {
            publishing.join();
            customers.assertEveryDeliveryExactlyOnce(300);
            assertThat(skipped(router)).as("events skipped for any reason").isZero();
        }
    }

    @Test
    void stateDirectoryWipedBetweenTwoRunsLosesAndDuplicatesNothing(KafkaTestBroker kafka) {
        RouterItSupport it = prepare(kafka, "wiped");
        Customers customers = new Customers(it, ORGANIZATIONS).putAll();
        customers.publish(0, 100);
        try (RouterApplication first = start(it)) {
            customers.publish(100, 300);
            customers.assertEveryDeliveryExactlyOnce(300);
        }

        // A lost volume: the global stores reload from their topics, the seen event ids from their changelog.
        it.with(RouterConfig.STATE_DIR.key(), RouterItSupport.newStateDir().toString());
        customers.publish(300, 400);
        CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
            customers.publish(400, 600);
            customers.publish(0, 50);
        });
        try (RouterApplication second = start(it)) {
            publishing.join();
            customers.assertEveryDeliveryExactlyOnce(600);
            assertThat(skipped(second)).as("events skipped for any reason").isZero();
        }
    }

    /** A router of its own whose input topics have different partition counts. */
    static RouterItSupport prepare(KafkaTestBroker kafka, String name) {
        RouterItSupport it = new RouterItSupport(kafka, name);
        kafka.createTopic(it.topics.mediaEvents().name(), 6);
        kafka.createCompactedTopic(it.topics.subscriptions().name(), 3);
        kafka.createCompactedTopic(it.topics.names().secrets(), 2);
        return it;
    }

    static RouterApplication start(RouterItSupport it) {
        return RouterApplication.start(RouterConfig.from(new Environment(it.env())), Clock.systemUTC());
    }

    private static double skipped(RouterApplication router) {
        return router.metrics().registry().find("mediahooks.router.events.skipped").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
