package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.ServiceMetrics;
import io.mediahooks.worker.testing.Closer;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.mediahooks.worker.testing.WorkerHarness;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One customer's burst to one healthy endpoint: far more deliveries than the endpoint's concurrency
 * and queue limit, all in one partition. The worker holds them back by pausing the partition, not
 * by putting them on a retry topic, so every delivery arrives on its first attempt.
 */
@WithKafka
class BurstIT {

    private static final int BURST = 3_000;

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void burstToOneHealthyEndpointArrivesWithoutDeferrals(KafkaTestBroker broker) {
        // The worker's defaults for flow control (concurrency 16, queue limit 32, 2,000 held); a small held
        // limit as well, so the partition is paused and resumed many times during the burst.
        WorkerHarness harness = closer.add(WorkerHarness.create(broker, Map.of("MEDIAHOOKS_MAX_IN_FLIGHT", "200")));
        Receiver endpoint = closer.add(Receiver.http((request, attempt) -> Reply.status(200).after(5)));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_burst", "org_42", endpoint.url("/burst")));
        List<Delivery> burst = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < BURST; i++) {
            burst.add(Fixtures.delivery("wh_burst", "org_42", "evt_" + i, endpoint.url("/burst"), now));
        }
        harness.routeAll(burst);
        PrometheusMeterRegistry registry = ServiceMetrics.prometheus(DeliveryWorkerMain.SERVICE);
        DeliveryWorker worker = closer.add(DeliveryWorker.start(
                WorkerConfig.from(new Environment(harness.environment())), registry, Clock.systemUTC()));
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.health().up());

        await().atMost(Duration.ofMinutes(2)).until(() -> harness.attempts().size() >= BURST);

        Set<String> arrived = endpoint.requests().stream().map(request -> request.header("webhook-id"))
                .collect(Collectors.toSet());
        assertThat(arrived).as("every delivery of the burst arrived").hasSize(BURST);
        assertThat(harness.attempts()).as("each on its first attempt").hasSize(BURST).allSatisfy(attempt -> {
            assertThat(attempt.attempt()).isEqualTo(1);
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DELIVERED);
        });
        assertThat(harness.onRetryTopics()).as("nothing went back to a retry topic").isEmpty();
        assertThat(registry.scrape())
                .contains("mediahooks_worker_deferred_total{reason=\"endpoint_stalled\",service=\"delivery-worker\"} 0.0")
                .contains("mediahooks_worker_deferred_total{reason=\"endpoint_open\",service=\"delivery-worker\"} 0.0");
        assertThat(harness.attempts().stream().map(Attempt::deliveryId).distinct().count()).isEqualTo(BURST);
    }
}
