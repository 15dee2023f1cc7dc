package io.mediahooks.cli.secret;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.runtime.SecretsConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mediahooks secret reencrypt}: every secrets record under the first key of the ring. */
@Command(name = "reencrypt", mixinStandardHelpOptions = true,
        description = {
            "Rewrite every organization's secrets record that is not encrypted with the first key of "
                    + "MEDIAHOOKS_SECRETS_KEYS (records under older keys, and plain-text records) under that key.",
            "Run it after putting a new key first in the ring of every service; once it reports nothing left under "
                    + "the old key, the old key can leave the ring. Safe to run again: records already under the "
                    + "first key are left alone. Secret values and their ids do not change."})
public final class SecretReencryptCommand implements Callable<Integer> {

    private final CliContext context;

    public SecretReencryptCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SecretsAtRest atRest = context.secretsAtRest();
        if (atRest.keyRing().isEmpty()) {
            throw CliException.usage("re-encrypting needs a key ring: set " + SecretsConfig.SECRETS_KEYS.key() + " or "
                    + SecretsConfig.SECRETS_KEYS_FILE.key());
        }
        Reencryption.Result result;
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            result = Reencryption.run(kafka, atRest);
        }
        context.println("Re-encrypted " + result.rewritten() + " secrets record(s) under key " + result.primaryKey()
                + describe(result.fromKeys()) + "; " + result.current() + " already under it.");
        result.changed().forEach(organization -> context.println("  " + organization
                + ": changed while this ran, left as its writer wrote it (run again to check it)"));
        result.unreadable().forEach((organization, reason) -> context.warn("  " + organization
                + ": cannot be opened, left as it is: " + reason));
        if (!result.unreadable().isEmpty()) {
            context.warn(result.unreadable().size() + " record(s) could not be opened with "
                    + SecretsConfig.SECRETS_KEYS.key() + "; the services treat them as invalid records.");
            return CliException.FAILURE;
        }
        return 0;
    }

    private static String describe(Map<String, Integer> fromKeys) {
        if (fromKeys.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (from ");
        fromKeys.forEach((key, count) -> text.append(text.length() > 7 ? ", " : "").append(key).append(": ").append(count));
        return text.append(')').toString();
    }
}
