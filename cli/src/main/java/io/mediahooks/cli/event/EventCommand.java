package io.mediahooks.cli.event;

import picocli.CommandLine.Command;

/** {@code mediahooks event publish}: put a media event on {@code media-events}. */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "Publish media events (the media-events topic), as the CMS and encoders do.",
        subcommands = EventPublishCommand.class)
public final class EventCommand {
}
