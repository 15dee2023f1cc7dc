package io.mediahooks.cli.topics;

import picocli.CommandLine.Command;

/** {@code mediahooks topics create}: the topics of SPEC.md, created ahead of the services. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Manage mediahooks' topics.",
        subcommands = TopicsCreateCommand.class)
public final class TopicsCommand {
}
