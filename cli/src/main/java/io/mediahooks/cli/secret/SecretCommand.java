package io.mediahooks.cli.secret;

import picocli.CommandLine.Command;

/**
 * {@code mediahooks secret set|rotate|reencrypt|new-key}: organizations' signing secrets on
 * {@code webhook-secrets}, and the keys that encrypt them there.
 */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {"Set or rotate an organization's signing secrets (the webhook-secrets topic), and manage the keys that",
            "encrypt them at rest (MEDIAHOOKS_SECRETS_KEYS, which these commands need)."},
        subcommands = {SecretSetCommand.class, SecretRotateCommand.class, SecretReencryptCommand.class, SecretNewKeyCommand.class})
public final class SecretCommand {
}
