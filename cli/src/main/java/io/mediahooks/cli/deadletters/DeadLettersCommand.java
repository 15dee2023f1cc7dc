package io.mediahooks.cli.deadletters;

import picocli.CommandLine.Command;

/** {@code mediahooks dead-letters list|replay}: inspect and re-send what could not be delivered. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List and replay dead letters (the webhook-dead-letters topic): deliveries that used up"
                + " their attempts or got 410 Gone.",
        subcommands = {DeadLettersListCommand.class, DeadLettersReplayCommand.class})
public final class DeadLettersCommand {
}
