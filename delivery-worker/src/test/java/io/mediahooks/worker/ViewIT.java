package io.mediahooks.worker;

import static io.mediahooks.worker.RetryIT.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.worker.testing.Closer;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.mediahooks.worker.testing.WorkerHarness;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A delivery follows its webhook as it is now: deleted or disabled drops it, a new URL is used. */
@WithKafka
class ViewIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    final Closer closer = new Closer();

    private WorkerHarness harness;
    private Receiver receiver;

    @Test
    void deletedWebhookDropsPendingRetries(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(500)));
        harness = closer.add(WorkerHarness.create(broker, Map.of("MEDIAHOOKS_RETRY_SCHEDULE", "3s,3s")));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_doomed", "org_42", receiver.url("/hook")));
        harness.route(Fixtures.delivery("wh_doomed", "org_42", "evt_1", receiver.url("/hook"), Instant.now()));
        harness.start();

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()).equals(List.of(AttemptOutcome.RETRY_SCHEDULED)));
        harness.deleteSubscription("wh_doomed");

        await().atMost(PATIENCE).until(() -> harness.attempts().size() == 2);
        Attempt dropped = harness.attempts().get(1);
        assertThat(dropped.outcome()).isEqualTo(AttemptOutcome.DROPPED);
        assertThat(dropped.attempt()).isEqualTo(2);
        assertThat(dropped.error()).hasValue("webhook deleted");
        assertThat(dropped.status()).isEmpty();
        assertThat(receiver.requests()).as("no POST after the webhook was deleted").hasSize(1);
        assertThat(harness.deadLetters()).isEmpty();
    }

    @Test
    void changedUrlIsFollowed(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(request.path().equals("/old") ? 503 : 200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of("MEDIAHOOKS_RETRY_SCHEDULE", "3s,3s")));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_moving", "org_42", receiver.url("/old")));
        harness.route(Fixtures.delivery("wh_moving", "org_42", "evt_1", receiver.url("/old"), Instant.now()));
        harness.start();

        await().atMost(PATIENCE).until(() -> receiver.requests("/old").size() == 1);
        harness.putSubscription(Fixtures.subscription("wh_moving", "org_42", receiver.url("/new")));

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()),
                outcomes -> outcomes.equals(List.of(AttemptOutcome.RETRY_SCHEDULED, AttemptOutcome.DELIVERED)));
        assertThat(harness.attempts()).extracting(Attempt::url).containsExactly(receiver.url("/old"), receiver.url("/new"));
        assertThat(receiver.requests("/new")).singleElement()
                .satisfies(request -> assertThat(request.header("webhook-id"))
                        .isEqualTo(receiver.requests("/old").get(0).header("webhook-id")));
    }

    @Test
    void disabledWebhookAndOrganizationWithoutSecretGetNothing(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_off", "org_42", receiver.url("/off"), false));
        harness.putSubscription(Fixtures.subscription("wh_nosecret", "org_7", receiver.url("/nosecret")));
        harness.putSubscription(Fixtures.subscription("wh_on", "org_42", receiver.url("/on")));
        Instant now = Instant.now();
        Delivery disabled = Fixtures.delivery("wh_off", "org_42", "evt_1", receiver.url("/off"), now);
        Delivery noSecret = Fixtures.delivery("wh_nosecret", "org_7", "evt_1", receiver.url("/nosecret"), now);
        harness.route(disabled);
        harness.route(noSecret);
        harness.route(Fixtures.delivery("wh_on", "org_42", "evt_1", receiver.url("/on"), now));
        harness.start();

        await().atMost(PATIENCE).until(() -> harness.attempts().size() == 3);
        assertThat(harness.attempts()).filteredOn(attempt -> attempt.deliveryId().equals(disabled.deliveryId()))
                .singleElement().satisfies(attempt -> {
                    assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DROPPED);
                    assertThat(attempt.error()).hasValue("webhook disabled");
                });
        assertThat(harness.attempts()).filteredOn(attempt -> attempt.deliveryId().equals(noSecret.deliveryId()))
                .singleElement().satisfies(attempt -> {
                    assertThat(attempt.outcome()).isEqualTo(AttemptOutcome.DROPPED);
                    assertThat(attempt.error()).hasValue("organization has no live secret");
                });
        assertThat(receiver.requests()).extracting(Receiver.Received::path).containsExactly("/on");
    }

    @Test
    void invalidRecordsAreSkippedAndThePreviousVersionStays(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.putSubscription(Fixtures.subscription("wh_kept", "org_42", receiver.url("/kept")));
        harness.putRawSubscription("wh_kept", "{\"id\":\"wh_kept\",\"organization_id\":\"org_42\",\"url\":\"ftp://x\","
                + "\"events\":[\"ALL\"]}");
        harness.putRawSubscription("wh_kept", "not json at all");
        harness.routeRaw("wh_kept", "{\"delivery_id\": 42}");
        harness.route(Fixtures.delivery("wh_kept", "org_42", "evt_1", receiver.url("/kept"), Instant.now()));
        harness.start();

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()).equals(List.of(AttemptOutcome.DELIVERED)));
        assertThat(receiver.requests()).extracting(Receiver.Received::path).containsExactly("/kept");
    }

    @Test
    void aWebhookCreatedJustBeforeItsFirstDeliveryIsNotDropped(KafkaTestBroker broker) {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        harness.putSecrets(Fixtures.secrets("org_42", Fixtures.newSecretValue()));
        harness.start();

        // As the router does: the webhook is written, then at once a delivery for it.
        harness.putSubscription(Fixtures.subscription("wh_new", "org_42", receiver.url("/new")));
        harness.route(Fixtures.delivery("wh_new", "org_42", "evt_1", receiver.url("/new"), Instant.now()));

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()).equals(List.of(AttemptOutcome.DELIVERED)));
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void secretsThatDoNotOpenAreSkippedAndThePreviousSecretKeepsSigning(KafkaTestBroker broker) throws Exception {
        receiver = closer.add(Receiver.http((request, attempt) -> Reply.status(200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        String kept = Fixtures.newSecretValue();
        harness.putSecrets(Fixtures.secrets("org_42", kept));
        harness.putSubscription(Fixtures.subscription("wh_kept", "org_42", receiver.url("/kept")));
        harness.start();

        // Arriving while it runs: at start-up, the key check would refuse the key not in the ring.
        OrganizationSecrets replacement = Fixtures.secrets("org_42", Fixtures.newSecretValue());
        SecretsAtRest keyNotInTheRing = SecretsAtRest.encrypted(SecretsKeyRing.parse(TestSecretsKeys.K2));
        harness.putRawSecrets("org_42", new OrganizationSecretsCodec(keyNotInTheRing).encode(replacement));
        SecretsAtRest workersKeys = harness.config().secrets().atRest();
        String moved = new String(new OrganizationSecretsCodec(workersKeys).encode(Fixtures.secrets("org_7", kept)),
                StandardCharsets.UTF_8).replace("org_7", "org_42");
        harness.putRawSecrets("org_42", moved.getBytes(StandardCharsets.UTF_8));
        harness.route(Fixtures.delivery("wh_kept", "org_42", "evt_1", receiver.url("/kept"), Instant.now()));

        await().atMost(PATIENCE).until(() -> outcomes(harness.attempts()).equals(List.of(AttemptOutcome.DELIVERED)));
        Receiver.Received request = receiver.requests().get(0);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(kept.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(request.header("X-FP-Webhook-Signature-Hmac-Sha-256")).isEqualTo(HexFormat.of().formatHex(mac.doFinal(request.body())));
    }
}
