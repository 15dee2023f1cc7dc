package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.worker.testing.Closer;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.mediahooks.worker.testing.WorkerHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One endpoint that never answers holds only its own share of the worker. */
@WithKafka
class IsolationIT {

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void hangingEndpointDoesNotDelayHealthyOne(KafkaTestBroker broker) {
        WorkerHarness harness = closer.add(WorkerHarness.create(broker, Map.of(
                // One partition: the hanging endpoint's deliveries are ahead of the healthy ones in the same log.
                "MEDIAHOOKS_TOPIC_PARTITIONS", "1",
                "MEDIAHOOKS_REQUEST_TIMEOUT", "60s",
                "MEDIAHOOKS_ENDPOINT_CONCURRENCY", "2",
                "MEDIAHOOKS_ENDPOINT_QUEUE_LIMIT", "20",
                "MEDIAHOOKS_RETRY_SCHEDULE", "2s,2s")));
        // Closed before the worker (last opened, first closed): its held requests end, so shutdown does not wait on them.
        Receiver healthy = closer.add(Receiver.http((request, attempt) -> Reply.status(200)));
        Receiver hanging = closer.add(Receiver.http((request, attempt) -> Reply.hanging()));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_stuck", "org_42", hanging.url("/stuck")));
        harness.putSubscription(Fixtures.subscription("wh_fine", "org_42", healthy.url("/fine")));
        List<Delivery> deliveries = new ArrayList<>();
        Instant now = Instant.now();
        // More than its two slots and twenty waiting places: the rest waits in memory (its fair share of the worker).
        for (int i = 0; i < 30; i++) {
            deliveries.add(Fixtures.delivery("wh_stuck", "org_42", "evt_" + i, hanging.url("/stuck"), now));
        }
        for (int i = 0; i < 20; i++) {
            deliveries.add(Fixtures.delivery("wh_fine", "org_42", "evt_" + i, healthy.url("/fine"), now));
        }
        harness.routeAll(deliveries);
        harness.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> healthy.requests().size() == 20);
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.attempts().stream()
                .filter(attempt -> attempt.outcome() == AttemptOutcome.DELIVERED).count() == 20);
        assertThat(hanging.hanging()).as("the hanging endpoint holds its two slots and no more").isEqualTo(2);
        assertThat(hanging.requests()).hasSize(2);
        assertThat(harness.attempts()).as("nothing was attempted against the hanging endpoint beyond its slots")
                .allSatisfy(attempt -> assertThat(attempt.subscriptionId().value()).isEqualTo("wh_fine"));
    }
}
