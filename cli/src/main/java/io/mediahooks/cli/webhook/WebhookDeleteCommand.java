package io.mediahooks.cli.webhook;

import io.mediahooks.cli.Flags;
import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.kafka.CompactedTable;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.SubscriptionId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks webhook delete}: writes a tombstone for the webhook's id. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {
            "Delete a webhook: writes a tombstone (null value) for its id on webhook-subscriptions.",
            "Its pending deliveries and retries are dropped by the workers."})
public final class WebhookDeleteCommand implements Callable<Integer> {

    @Option(names = "--id", required = true, paramLabel = "<id>", description = "The webhook (subscription) id, e.g. wh_1.")
    String id;

    private final CliContext context;

    public WebhookDeleteCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SubscriptionId subscription = Flags.parse("--id", id, SubscriptionId::new);
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            var topic = kafka.topics().subscriptions();
            kafka.requireTopics(topic.name());
            boolean existed = CompactedTable.latest(kafka, topic, subscription).isPresent();
            kafka.send(topic, subscription, null);
            if (existed) {
                context.println("Webhook " + subscription + " deleted (tombstone written to " + topic.name() + ")");
            } else {
                // Harmless, but most likely a typo in the id: say so.
                context.println("Webhook " + subscription + " was not found on " + topic.name()
                        + "; a tombstone was written anyway");
            }
        }
        return 0;
    }
}
