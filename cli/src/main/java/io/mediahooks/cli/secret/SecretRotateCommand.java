package io.mediahooks.cli.secret;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.Flags;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.retry.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks secret rotate}: a new primary secret, the old ones kept signing until the overlap ends. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {
            "Rotate an organization's secret: a new primary secret signs from now on.",
            "The current secrets are kept, with expires_at = now + overlap: until then they still sign the"
                    + " webhook-signature header, so receivers can switch without missing a delivery.",
            "The new secret is generated (32 random bytes) and shown once, unless given with --value."})
public final class SecretRotateCommand implements Callable<Integer> {

    @Option(names = "--org", required = true, paramLabel = "<org>", description = "Organization id, e.g. org_42.")
    String organization;

    @Option(names = "--overlap", paramLabel = "<duration>", defaultValue = "24h",
            description = "How long the old secrets keep signing (ms, s, m, h, d). Default: ${DEFAULT-VALUE}.")
    String overlap;

    @Option(names = "--value", paramLabel = "<whsec_...>", description = "Use this new secret instead of generating one.")
    String value;

    @Option(names = "--secret-id", paramLabel = "<id>", description = "Id of the new secret (default sec_<n>, one more than the highest).")
    String secretId;

    private final CliContext context;

    public SecretRotateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OrganizationId org = Flags.parse("--org", organization, OrganizationId::new);
        Duration overlapDuration = Flags.parse("--overlap", overlap, Durations::parse);
        String secret = value == null ? Secrets.generate(context.random()) : Secrets.validate(value, "--value");
        // Whole seconds: expires_at is for humans to read too.
        Instant now = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        SecretsAtRest atRest = context.secretsAtRest();
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            var topic = kafka.topics().secrets(atRest);
            kafka.requireTopics(topic.name());
            OrganizationSecrets current = Optional.ofNullable(Secrets.checkedTable(kafka, topic.name(), atRest).get(org.value()))
                    .map(bytes -> decode(topic, bytes, org))
                    .orElseThrow(() -> CliException.failure(org + " has no secrets on " + topic.name()
                            + ": use 'secret set --org " + org + "' first"));
            if (!current.hasLiveSecretAt(now)) {
                context.warn("note: every current secret of " + org + " has expired; the new one is its only secret");
            }
            SecretId id = secretId == null ? Secrets.nextId(current.secrets()) : Flags.parse("--secret-id", secretId, SecretId::new);
            if (current.secrets().stream().anyMatch(old -> old.id().equals(id))) {
                throw CliException.usage("--secret-id: " + id + " is already used by " + org);
            }
            OrganizationSecrets rotated = Secrets.rotate(current, new WebhookSecret(id, secret, Optional.empty()), now, overlapDuration);
            kafka.send(topic, org, rotated);
            context.println("Secret " + id + " is now the primary secret of " + org + " (" + topic.name() + ")");
            for (WebhookSecret old : rotated.secrets().subList(1, rotated.secrets().size())) {
                context.println("  " + old.id() + " keeps signing until "
                        + RfcTimestamp.of(old.expiresAt().orElseThrow()).text());
            }
            if (value == null) {
                context.println("The new secret is shown only this once; store it where your receiver reads it:");
                context.println(secret);
            }
        }
        return 0;
    }

    private static OrganizationSecrets decode(Topic<OrganizationId, OrganizationSecrets> topic, byte[] bytes, OrganizationId org) {
        try {
            return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
        } catch (InvalidRecordException e) {
            throw CliException.failure("the current secrets record of " + org + " is invalid (" + e.getMessage()
                    + "); fix it with 'secret set --replace'", e);
        }
    }
}
