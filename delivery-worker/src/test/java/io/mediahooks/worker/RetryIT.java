package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.worker.testing.Closer;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.mediahooks.worker.testing.WorkerHarness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Retries, dead letters and Retry-After against an HTTPS receiver with a self-signed certificate. */
@WithKafka
class RetryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final Closer closer = new Closer();

    private WorkerHarness harness;
    private Receiver receiver;

    @Test
    void retriesThenDelivers(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.https(WorkerHarness.certificate().serverContext(),
                (request, attempt) -> Reply.status(attempt == 1 ? 500 : 204)));
        Delivery delivery = setUp(broker, Map.of(), "wh_retry");

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()),
                outcomes -> outcomes.equals(List.of(AttemptOutcome.RETRY_SCHEDULED, AttemptOutcome.DELIVERED)));

        List<Attempt> attempts = harness.attempts();
        assertThat(attempts).extracting(Attempt::attempt).containsExactly(1, 2);
        assertThat(attempts.get(0).status()).hasValue(500);
        assertThat(attempts.get(1).status()).hasValue(204);
        assertThat(attempts).allSatisfy(attempt -> {
            assertThat(attempt.deliveryId()).isEqualTo(delivery.deliveryId());
            assertThat(attempt.url()).isEqualTo(receiver.url("/hook"));
        });
        List<Receiver.Received> requests = receiver.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.header("webhook-id")).isEqualTo(delivery.deliveryId().value());
            assertThat(request.body()).isEqualTo(delivery.bodyBytes());
        });
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void deadLettersAfterLastAttempt(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.https(WorkerHarness.certificate().serverContext(), (request, attempt) -> Reply.status(503)));
        Delivery delivery = setUp(broker, Map.of(), "wh_exhausted");

        await().atMost(PATIENCE).until(() -> harness.deadLetters().size() == 1);

        Delivery deadLetter = harness.deadLetters().get(0);
        assertThat(deadLetter.deliveryId()).isEqualTo(delivery.deliveryId());
        assertThat(deadLetter.body()).isEqualTo(delivery.body());
        assertThat(deadLetter.attempts()).isEqualTo(3);
        assertThat(deadLetter.lastAttempt()).hasValueSatisfying(last -> {
            assertThat(last.outcome()).isEqualTo(AttemptOutcome.DEAD_LETTERED);
            assertThat(last.status()).hasValue(503);
        });
        assertThat(outcomes(harness.attempts())).containsExactly(AttemptOutcome.RETRY_SCHEDULED,
                AttemptOutcome.RETRY_SCHEDULED, AttemptOutcome.DEAD_LETTERED);
        assertThat(receiver.requests()).hasSize(3);
    }

    @Test
    void goneIsDeadLetteredAtOnce(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.https(WorkerHarness.certificate().serverContext(), (request, attempt) -> Reply.status(410)));
        setUp(broker, Map.of(), "wh_gone");

        await().atMost(PATIENCE).until(() -> harness.deadLetters().size() == 1);

        assertThat(harness.deadLetters().get(0).attempts()).isEqualTo(1);
        assertThat(harness.attempts()).singleElement().satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DEAD_LETTERED);
            assertThat(attempt.status()).hasValue(410);
        });
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void honoursRetryAfter(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.https(WorkerHarness.certificate().serverContext(), (request, attempt) ->
                attempt == 1 ? Reply.status(429, Map.of("Retry-After", "3")) : Reply.status(200)));
        // The schedule alone would retry after 1 s.
        setUp(broker, Map.of("MEDIAHOOKS_RETRY_SCHEDULE", "1s,5s"), "wh_slow_down");

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()),
                outcomes -> outcomes.equals(List.of(AttemptOutcome.RETRY_SCHEDULED, AttemptOutcome.DELIVERED)));

        List<Receiver.Received> requests = receiver.requests();
        assertThat(harness.attempts().get(0).status()).hasValue(429);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(2900))
                .isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void drainsRetryTopicsLeftByAnEarlierSchedule(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.https(WorkerHarness.certificate().serverContext(), (request, attempt) -> Reply.status(200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_old", "org_42", receiver.url("/hook")));
        Delivery first = Fixtures.delivery("wh_old", "org_42", "evt_old", receiver.url("/hook"), Instant.now());
        Attempt failed = new Attempt(first.deliveryId(), first.subscriptionId(), first.organizationId(), first.eventId(),
                first.eventType(), 1, receiver.url("/hook"), OptionalInt.of(500), Optional.empty(), 12, Instant.now(),
                AttemptOutcome.RETRY_SCHEDULED);
        // Written when the schedule began with 7s; the schedule is 1s,1s now.
        harness.putOnRetryTopic(Duration.ofSeconds(7), first.retryAfter(failed, Instant.now()));
        harness.start();

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()).equals(List.of(AttemptOutcome.DELIVERED)));
        assertThat(harness.attempts().get(0).attempt()).isEqualTo(2);
    }

    private Delivery setUp(KafkaTestBroker broker, Map<String, String> overrides, String webhook) {
        harness = closer.add(WorkerHarness.create(broker, overrides));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription(webhook, "org_42", receiver.url("/hook")));
        Delivery delivery = Fixtures.delivery(webhook, "org_42", "evt_" + webhook, receiver.url("/hook"), Instant.now());
        harness.route(delivery);
        harness.start();
        return delivery;
    }

    static List<AttemptOutcome> outcomes(List<Attempt> attempts) {
        return attempts.stream().map(Attempt::outcome).toList();
    }
}
