package io.mediahooks.cli;

import io.mediahooks.cli.attempts.AttemptsCommand;
import io.mediahooks.cli.deadletters.DeadLettersCommand;
import io.mediahooks.cli.event.EventCommand;
import io.mediahooks.cli.listen.ListenCommand;
import io.mediahooks.cli.local.LocalCommand;
import io.mediahooks.cli.secret.SecretCommand;
import io.mediahooks.cli.topics.TopicsCommand;
import io.mediahooks.cli.webhook.WebhookCommand;
import io.mediahooks.model.MediahooksVersion;
import picocli.CommandLine.Command;

/** The root command: {@code mediahooks <subcommand>}. */
@Command(name = "mediahooks",
        mixinStandardHelpOptions = true,
        versionProvider = MediahooksCommand.Version.class,
        description = {
            "Webhooks for a video platform, on Apache Kafka.",
            "",
            "Every subcommand but 'local' talks to the Kafka at KAFKA_BOOTSTRAP_SERVERS (default localhost:9092)"
                    + " and uses the topic names of MEDIAHOOKS_TOPIC_* like the services do."},
        subcommands = {
            LocalCommand.class,
            ListenCommand.class,
            WebhookCommand.class,
            SecretCommand.class,
            EventCommand.class,
            AttemptsCommand.class,
            DeadLettersCommand.class,
            TopicsCommand.class},
        footer = {"", "Run 'mediahooks <command> --help' for the options of a command."})
public final class MediahooksCommand {

    /** Prints the build's version. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mediahooks " + MediahooksVersion.get()};
        }
    }
}
