package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Workers joining and leaving mid-stream hand partitions over cleanly: nothing lost, nothing sent twice. */
@WithKafka
class RebalanceIT {

    private static final int DELIVERIES = 2_000;

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void workersJoiningAndLeavingMidStreamHandOverWithoutLossOrDuplicates(KafkaTestBroker broker) {
        WorkerHarness harness = closer.add(WorkerHarness.create(broker, Map.of(
                "MEDIAHOOKS_TOPIC_PARTITIONS", "4",
                "MEDIAHOOKS_ENDPOINT_CONCURRENCY", "2",
                "MEDIAHOOKS_ENDPOINT_QUEUE_LIMIT", "5000",
                "MEDIAHOOKS_SHUTDOWN_TIMEOUT", "20s")));
        // Slow enough answers that the hand-overs happen with requests in flight and deliveries queued: 8 endpoints
        // x 2 at 50 ms is at most 320 a second, so the stream lasts several seconds, longer than a second worker takes to join.
        Receiver receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(200).after(50)));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        List<Delivery> deliveries = new ArrayList<>();
        Instant now = Instant.now();
        for (int w = 0; w < 8; w++) {
            harness.putSubscription(Fixtures.subscription("wh_" + w, "org_42", receiver.url("/hook/" + w)));
        }
        for (int i = 0; i < DELIVERIES; i++) {
            deliveries.add(Fixtures.delivery("wh_" + i % 8, "org_42", "evt_" + i, receiver.url("/hook/" + i % 8), now));
        }
        harness.routeAll(deliveries);

        DeliveryWorker first = harness.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().size() >= DELIVERIES / 10);
        DeliveryWorker second = harness.start();
        // The first hands some partitions over to the second while it is delivering.
        await().atMost(Duration.ofSeconds(60)).until(() -> second.assignedPartitions() > 0 && first.assignedPartitions() < 8);
        assertThat(receiver.requests().size()).as("the hand-over happened mid-stream").isLessThan(DELIVERIES);
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.requests().size() >= DELIVERIES * 6 / 10);
        first.close();
        await().atMost(Duration.ofMinutes(2)).until(() -> distinctIds(receiver).size() == DELIVERIES);

        Set<String> expected = deliveries.stream().map(delivery -> delivery.deliveryId().value()).collect(Collectors.toSet());
        assertThat(distinctIds(receiver)).isEqualTo(expected);
        assertThat(receiver.requests().size()).as("a clean hand-over sends nothing twice").isEqualTo(DELIVERIES);
    }

    private static Set<String> distinctIds(Receiver receiver) {
        return receiver.requests().stream().map(request -> request.header("webhook-id")).collect(Collectors.toSet());
    }
}
