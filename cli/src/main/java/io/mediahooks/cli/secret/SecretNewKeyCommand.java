package io.mediahooks.cli.secret;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.runtime.SecretsConfig;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks secret new-key}: a fresh key for the ring that encrypts secrets at rest. */
@Command(name = "new-key", mixinStandardHelpOptions = true,
        description = {
            "Print a new random 256-bit key for MEDIAHOOKS_SECRETS_KEYS, as id:base64.",
            "Put it first in the ring (new-key,older-keys...), restart the services, then run 'secret reencrypt'."})
public final class SecretNewKeyCommand implements Callable<Integer> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    @Option(names = "--id", paramLabel = "<id>", description = "Key id (letters, digits, _ . -); default k<today>, e.g. k20261203.")
    String id;

    private final CliContext context;

    public SecretNewKeyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String keyId = id == null ? "k" + DAY.format(context.clock().instant()) : id;
        String entry = keyId + ":" + SecretsKeyRing.generateKey();
        try {
            SecretsKeyRing.parse(entry);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--id: " + e.getMessage());
        }
        context.println(entry);
        context.warn("Keep it in your secret store. Put it first in " + SecretsConfig.SECRETS_KEYS.key()
                + " (keeping the older keys after it), restart the services, then run 'mediahooks secret reencrypt'.");
        return 0;
    }
}
