package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.Subscription;
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
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A webhook whose endpoint fails every attempt for MEDIAHOOKS_DISABLE_AFTER is disabled by an
 * operational event judged at its current revision, and its deliveries are dropped; the user's own
 * update of the webhook always wins over the disable, even one the worker had not seen when it
 * wrote the disable.
 */
@WithKafka
class AutoDisableIT {

    @RegisterExtension
    final Closer closer = new Closer();

    @Test
    void failingWebhookIsDisabledAndTheUsersUpdateWinsTheRace(KafkaTestBroker broker) {
        WorkerHarness harness = closer.add(WorkerHarness.create(broker, Map.of(
                "MEDIAHOOKS_DISABLE_AFTER", "2s",
                "MEDIAHOOKS_RETRY_SCHEDULE", "1s,1s,1s,1s,1s,1s")));
        AtomicInteger status = new AtomicInteger(503);
        Receiver endpoint = closer.add(Receiver.http((request, attempt) -> Reply.status(status.get())));
        String url = endpoint.url("/hook");
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_flaky", "org_42", url));
        for (int i = 0; i < 6; i++) {
            harness.route(Fixtures.delivery("wh_flaky", "org_42", "evt_" + i, url, Instant.now()));
        }
        harness.start();

        // Six failures open the circuit; the probe after its first open period fails too, 2 s after the first failure.
        OperationalEvent disabled = await().atMost(Duration.ofSeconds(60)).until(() -> harness.operationalEvents().stream()
                .filter(event -> event.type() == OperationalEvent.Type.DISABLED).findFirst(), Optional::isPresent).get();
        assertThat(harness.operationalEvents()).extracting(OperationalEvent::type)
                .startsWith(OperationalEvent.Type.ENDPOINT_OPENED);
        assertThat(disabled.subscriptionId().value()).isEqualTo("wh_flaky");
        assertThat(disabled.reason()).startsWith("every attempt failed since").contains("HTTP 503");
        assertThat(disabled.failingSince()).isPresent();
        assertThat(disabled.subscriptionOffset()).as("the revision it judged").isPresent();

        harness.route(Fixtures.delivery("wh_flaky", "org_42", "evt_while_disabled", url, Instant.now()));
        Attempt dropped = await().atMost(Duration.ofSeconds(30)).until(() -> attemptOf(harness, "evt_while_disabled"),
                Optional::isPresent).get();
        assertThat(dropped.outcome()).isEqualTo(AttemptOutcome.DROPPED);
        assertThat(dropped.error()).hasValueSatisfying(error -> assertThat(error).contains("disabled"));

        // The race: the user fixes the endpoint and updates the webhook; a worker that judged the previous
        // revision writes its disable only afterwards (acknowledged after the user's update).
        status.set(200);
        Subscription updated = Fixtures.subscription("wh_flaky", "org_42", url);
        harness.putSubscription(updated);
        long judged = disabled.subscriptionOffset().getAsLong();
        harness.putOperationalEvent(new OperationalEvent(disabled.subscriptionId(), disabled.organizationId(),
                OperationalEvent.Type.DISABLED, Instant.now(), url, "a late disable of the previous revision",
                disabled.failingSince(), OptionalLong.of(judged)));
        harness.route(Fixtures.delivery("wh_flaky", "org_42", "evt_after_update", url, Instant.now()));

        Attempt delivered = await().atMost(Duration.ofSeconds(60)).until(() -> attemptOf(harness, "evt_after_update")
                .filter(attempt -> attempt.outcome() != AttemptOutcome.RETRY_SCHEDULED), Optional::isPresent).get();
        assertThat(delivered.outcome()).as("the user's update wins over the disable").isEqualTo(AttemptOutcome.DELIVERED);
        List<Subscription> written = harness.subscriptionRecords();
        assertThat(written).as("the workers never write the webhook: both records are the user's").hasSize(2)
                .allSatisfy(subscription -> assertThat(subscription.enabled()).isTrue());
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.operationalEvents().stream()
                .anyMatch(event -> event.type() == OperationalEvent.Type.ENDPOINT_RECOVERED));
    }

    private static Optional<Attempt> attemptOf(WorkerHarness harness, String eventId) {
        List<Attempt> attempts = harness.attempts().stream().filter(attempt -> attempt.eventId().value().equals(eventId)).toList();
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }
}
