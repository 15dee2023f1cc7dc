package io.mediahooks.cli.secret;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.Flags;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.kafka.Topic;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks secret set}: gives an organization one signing secret, generated unless given. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {
            "Give an organization its signing secret (an organization without one gets no deliveries).",
            "Without --value a fresh secret is generated (32 random bytes) and shown once: store it now.",
            "If the organization already has secrets, --replace is needed: they stop signing at once."
                    + " Use 'secret rotate' to change a secret without breaking receivers."})
public final class SecretSetCommand implements Callable<Integer> {

    @Option(names = "--org", required = true, paramLabel = "<org>", description = "Organization id, e.g. org_42.")
    String organization;

    @Option(names = "--value", paramLabel = "<whsec_...>", description = "Use this secret instead of generating one.")
    String value;

    @Option(names = "--secret-id", paramLabel = "<id>", description = "Id of the secret (default sec_<n>, one more than the highest).")
    String secretId;

    @Option(names = "--replace", description = "Replace the organization's existing secrets.")
    boolean replace;

    private final CliContext context;

    public SecretSetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        OrganizationId org = Flags.parse("--org", organization, OrganizationId::new);
        String secret = value == null ? Secrets.generate(context.random()) : Secrets.validate(value, "--value");
        SecretsAtRest atRest = context.secretsAtRest();
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            var topic = kafka.topics().secrets(atRest);
            kafka.requireTopics(topic.name());
            Optional<byte[]> current = Optional.ofNullable(Secrets.checkedTable(kafka, topic.name(), atRest).get(org.value()));
            List<WebhookSecret> existing = current.flatMap(bytes -> decodeLeniently(topic, bytes)).map(OrganizationSecrets::secrets)
                    .orElse(List.of());
            String replaced = current.isEmpty() ? "" : existing.isEmpty() ? "an invalid record" : ids(existing);
            if (current.isPresent() && !replace) {
                throw CliException.usage(org + " already has secrets (" + replaced + "): use 'secret rotate' to keep them"
                        + " signing during an overlap, or 'secret set --replace' to drop them now");
            }
            SecretId id = secretId == null ? Secrets.nextId(existing) : Flags.parse("--secret-id", secretId, SecretId::new);
            OrganizationSecrets secrets = new OrganizationSecrets(org, List.of(new WebhookSecret(id, secret, Optional.empty())));
            kafka.send(topic, org, secrets);
            context.println("Secret " + id + " set for " + org + " on " + topic.name()
                    + (current.isEmpty() ? "" : " (replaced " + replaced + ")"));
            if (value == null) {
                context.println("It is shown only this once; store it where your receiver reads it:");
                context.println(secret);
            }
        }
        return 0;
    }

    /** An invalid current record is no reason to refuse replacing it. */
    private static Optional<OrganizationSecrets> decodeLeniently(Topic<OrganizationId, OrganizationSecrets> topic, byte[] bytes) {
        try {
            return Optional.of(topic.valueSerde().deserializer().deserialize(topic.name(), bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }

    static String ids(List<WebhookSecret> secrets) {
        return String.join(", ", secrets.stream().map(secret -> secret.id().value()).toList());
    }
}
