package io.mediahooks.cli.deadletters;

import io.mediahooks.model.DeadLetterFilter;
import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.Delivery;
import org.apache.kafka.clients.producer.RecordMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mediahooks dead-letters replay}: puts matching dead letters back on {@code webhook-deliveries}
 * with their attempts reset, keyed by subscription id; the workers then deliver them afresh.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replay the dead letters matching the filters.",
            "Each is written back to webhook-deliveries (keyed by webhook id) with its attempt count reset, for a"
                    + " fresh round of attempts to the webhook's current URL. The webhook-id header stays the same,"
                    + " so receivers still de-duplicate.",
            "Each delivery is replayed once even if it was dead-lettered several times."},
        footer = {"", "Example: mediahooks dead-letters replay --webhook wh_1 --since 2h --dry-run"})
public final class DeadLettersReplayCommand implements Callable<Integer> {

    @Mixin
    DeadLetterOptions options;

    @Option(names = "--dry-run", description = "Only list what would be replayed; write nothing.")
    boolean dryRun;

    private final CliContext context;

    public DeadLettersReplayCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DeadLetterFilter filter = options.toFilter(context.clock().instant());
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            List<DeadLetters.Entry> entries = DeadLetters.read(kafka, context, filter);
            var deliveries = kafka.topics().deliveries();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (DeadLetters.Entry entry : entries) {
                context.println((dryRun ? "would replay " : "replaying ") + DeadLetters.line(entry));
                if (!dryRun) {
                    Delivery replayed = entry.delivery().replayed();
                    sent.add(kafka.sendAsync(deliveries, replayed.subscriptionId(), replayed));
                }
            }
            // Only report success once Kafka has acknowledged every record.
            sent.forEach(future -> kafka.await(future, "write to " + deliveries.name()));
            String count = entries.size() + " dead letter" + (entries.size() == 1 ? "" : "s");
            context.println(dryRun ? "Dry run: " + count + " would be replayed to " + deliveries.name()
                    : "Replayed " + count + " to " + deliveries.name());
        }
        return 0;
    }
}
