package io.mediahooks.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Instances of one router (one application id) split the partitions of {@code media-events}
 * between them; one joining in the middle of a stream takes over tasks without losing or
 * duplicating a delivery (exactly-once hands each task over at a commit).
 */
@WithKafka
class RouterScalingIT {

    private static final int ORGANIZATIONS = 10;

    @Test
    void twoInstancesShareTheWorkAndAThirdJoiningMidStreamLosesAndDuplicatesNothing(KafkaTestBroker kafka) {
        RouterItSupport it = RouterStartupIT.prepare(kafka, "scaling");
        Customers customers = new Customers(it, ORGANIZATIONS).putAll();

        try (RouterApplication first = startOwnState(it); RouterApplication second = startOwnState(it)) {
            awaitRunning(first, second);
            customers.publish(0, 300);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(routed(first)).as("events routed by the first instance").isPositive();
                assertThat(routed(second)).as("events routed by the second instance").isPositive();
            });

            CompletableFuture<Void> publishing = CompletableFuture.runAsync(() -> {
                for (int from = 300; from < 1200; from += 50) {
                    customers.publish(from, from + 50);
                }
            });
            try (RouterApplication third = startOwnState(it)) {
                publishing.join();
                customers.assertEveryDeliveryExactlyOnce(1200);
                assertThat(routed(first) + routed(second) + routed(third)).as("events routed, all instances")
                        .isGreaterThanOrEqualTo(1200);
            }
        }
    }

    private static RouterApplication startOwnState(RouterItSupport it) {
        it.with(RouterConfig.STATE_DIR.key(), RouterItSupport.newStateDir().toString());
        return RouterStartupIT.start(it);
    }

    private static void awaitRunning(RouterApplication... routers) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (RouterApplication router : routers) {
                assertThat(router.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        });
    }

    private static double routed(RouterApplication router) {
        return router.metrics().registry().get("mediahooks.router.events.routed").counter().count()
                + router.metrics().registry().get("mediahooks.router.events.skipped").counters().stream()
                        .mapToDouble(counter -> counter.count()).sum();
    }
}
