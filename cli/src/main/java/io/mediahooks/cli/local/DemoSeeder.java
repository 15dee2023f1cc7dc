package io.mediahooks.cli.local;

import io.mediahooks.cli.kafka.CompactedTable;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.cli.listen.WebhookReceiver;
import io.mediahooks.cli.secret.Secrets;
import io.mediahooks.cli.webhook.WebhookPutCommand;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.kafka.Topic;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Writes the demo organization's secret (sealed under the run's key ring) and webhooks, as an operator would with the CLI. */
final class DemoSeeder {

    private DemoSeeder() {
    }

    /**
     * The demo organization's secrets: those of a previous run when one is still live (so
     * deliveries still pending from that run verify), else a fresh secret, written now.
     */
    static OrganizationSecrets secrets(KafkaSession kafka, SecretsAtRest atRest, Instant now, SecureRandom random,
                                       Consumer<String> say) {
        var topic = kafka.topics().secrets(atRest);
        Optional<OrganizationSecrets> existing = CompactedTable.latest(kafka, topic, Demo.ORGANIZATION)
                .flatMap(bytes -> decode(topic, bytes))
                .filter(secrets -> secrets.hasLiveSecretAt(now));
        if (existing.isPresent()) {
            say.accept("Secret: " + Demo.ORGANIZATION + " keeps its secret "
                    + existing.get().primaryAt(now).orElseThrow().id() + " from the previous run");
            return existing.get();
        }
        String value = Secrets.generate(random);
        OrganizationSecrets secrets = new OrganizationSecrets(Demo.ORGANIZATION,
                List.of(new WebhookSecret(new SecretId("sec_1"), value, Optional.empty())));
        kafka.send(topic, Demo.ORGANIZATION, secrets);
        say.accept("Secret: set sec_1 for " + Demo.ORGANIZATION + ": " + value);
        return secrets;
    }

    /** Puts the demo webhooks, pointing at this run's receiver (its port changes from run to run). */
    static void webhooks(KafkaSession kafka, WebhookReceiver receiver, Consumer<String> say) {
        var topic = kafka.topics().subscriptions();
        for (Subscription webhook : Demo.webhooks(receiver)) {
            kafka.send(topic, webhook.id(), webhook);
            say.accept("Webhook: " + webhook.id() + " " + WebhookPutCommand.describe(webhook));
        }
    }

    private static Optional<OrganizationSecrets> decode(Topic<OrganizationId, OrganizationSecrets> topic, byte[] bytes) {
        try {
            return Optional.of(topic.valueSerde().deserializer().deserialize(topic.name(), bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }
}
