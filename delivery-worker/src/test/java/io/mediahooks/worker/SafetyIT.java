package io.mediahooks.worker;

import static io.mediahooks.worker.RetryIT.outcomes;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No redirects, no internal addresses: the worker cannot be turned against the network it runs in. */
@WithKafka
class SafetyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final Closer closer = new Closer();

    private WorkerHarness harness;
    private Receiver receiver;
    private Receiver target;

    @Test
    void redirectsAreNotFollowed(KafkaTestBroker broker) {
        target = closer.add(Receiver.http((request, attempt) -> Reply.status(200)));
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(attempt == 1 ? 302 : 307,
                Map.of("Location", target.url("/elsewhere")))));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_redirect", "org_42", receiver.url("/hook")));
        harness.route(Fixtures.delivery("wh_redirect", "org_42", "evt_1", receiver.url("/hook"), Instant.now()));
        harness.start();

        await().atMost(PATIENCE).until(() -> harness.deadLetters().size() == 1);
        assertThat(harness.attempts()).extracting(attempt -> attempt.status().orElse(-1)).containsExactly(302, 307, 307);
        assertThat(outcomes(harness.attempts())).containsExactly(AttemptOutcome.RETRY_SCHEDULED,
                AttemptOutcome.RETRY_SCHEDULED, AttemptOutcome.DEAD_LETTERED);
        assertThat(receiver.requests()).hasSize(3);
        assertThat(target.requests()).as("the redirect target is never called").isEmpty();
    }

    @Test
    void privateAddressIsRefused(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(200)));
        // Plain http stays allowed so only the address rule is under test.
        harness = closer.add(WorkerHarness.create(broker, Map.of("MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS", "false")));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        String byLiteral = receiver.url("/literal");
        String byName = "http://localhost:" + receiver.port() + "/name";
        harness.putSubscription(Fixtures.subscription("wh_literal", "org_42", byLiteral));
        harness.putSubscription(Fixtures.subscription("wh_name", "org_42", byName));
        Delivery literal = Fixtures.delivery("wh_literal", "org_42", "evt_1", byLiteral, Instant.now());
        Delivery name = Fixtures.delivery("wh_name", "org_42", "evt_1", byName, Instant.now());
        harness.route(literal);
        harness.route(name);
        harness.start();

        await().atMost(PATIENCE).until(() -> harness.deadLetters().size() == 1 && harness.attempts().size() == 4);
        List<Attempt> attempts = harness.attempts();
        // A literal is refused by the worker's view of the subscriptions, before any connection: the worker holds no
        // valid version of the webhook, so a delivery routed to it (by a router with other settings) is dropped.
        assertThat(attempts).filteredOn(attempt -> attempt.deliveryId().equals(literal.deliveryId()))
                .singleElement().satisfies(attempt -> {
                    assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DROPPED);
                    assertThat(attempt.error()).hasValue("webhook deleted");
                });
        // A name is judged when the worker connects, on the addresses it resolves to.
        assertThat(attempts).filteredOn(attempt -> attempt.deliveryId().equals(name.deliveryId())).hasSize(3)
                .allSatisfy(attempt -> {
                    assertThat(attempt.status()).isEmpty();
                    assertThat(attempt.error()).hasValueSatisfying(error -> assertThat(error).startsWith("refused: ")
                            .contains("localhost resolves to").contains("loopback address"));
                });
        assertThat(receiver.requests()).as("nothing reached the loopback receiver").isEmpty();
    }
}
