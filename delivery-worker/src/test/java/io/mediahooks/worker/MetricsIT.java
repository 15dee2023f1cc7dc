package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What operators scrape from /metrics, and what /health/ready says. */
@WithKafka
class MetricsIT {

    @RegisterExtension
    final Closer closer = new Closer();

    private WorkerHarness harness;
    private Receiver receiver;
    private DeliveryWorker worker;

    @Test
    void exposesAttemptsLatencyInFlightAndConsumerLag(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(attempt == 1 ? 503 : 200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_metrics", "org_42", receiver.url("/hook")));
        harness.route(Fixtures.delivery("wh_metrics", "org_42", "evt_1", receiver.url("/hook"), Instant.now()));
        PrometheusMeterRegistry registry = ServiceMetrics.prometheus(DeliveryWorkerMain.SERVICE);
        WorkerConfig config = WorkerConfig.from(new Environment(harness.environment()));

        worker = closer.add(DeliveryWorker.start(config, registry, Clock.systemUTC()));
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.health().up());
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.scrape().contains(
                "mediahooks_worker_attempts_total{outcome=\"delivered\",service=\"delivery-worker\",status_class=\"2xx\"} 1.0"));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("mediahooks_worker_attempts_total{outcome=\"retry_scheduled\",service=\"delivery-worker\",status_class=\"5xx\"} 1.0")
                .contains("mediahooks_worker_retries_scheduled_total")
                .contains("mediahooks_worker_request_duration_seconds_bucket{service=\"delivery-worker\",status_class=\"2xx\"")
                .contains("mediahooks_worker_requests_in_flight")
                .contains("mediahooks_worker_deliveries_held")
                .contains("mediahooks_worker_partitions_paused")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(worker.health().detail()).startsWith("delivering");

        worker.close();
        assertThat(worker.health().up()).isFalse();
    }
}
