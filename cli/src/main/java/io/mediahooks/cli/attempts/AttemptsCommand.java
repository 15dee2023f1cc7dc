package io.mediahooks.cli.attempts;

import picocli.CommandLine.Command;

/** {@code mediahooks attempts tail}: watch the attempt log. */
@Command(name = "attempts", mixinStandardHelpOptions = true,
        description = "Read the attempt log (the webhook-attempts topic: one record per delivery attempt).",
        subcommands = AttemptsTailCommand.class)
public final class AttemptsCommand {
}
