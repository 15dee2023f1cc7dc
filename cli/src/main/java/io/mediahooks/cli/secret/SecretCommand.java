package io.mediahooks.cli.secret;

import picocli.CommandLine.Command;

/** {@code mediahooks secret set|rotate}: an organization's signing secrets on {@code webhook-secrets}. */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Set or rotate an organization's signing secrets (the webhook-secrets topic).",
        subcommands = {SecretSetCommand.class, SecretRotateCommand.class})
public final class SecretCommand {
}
