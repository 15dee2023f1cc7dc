package io.mediahooks.cli.deadletters;

import io.mediahooks.model.DeadLetterFilter;
import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.kafka.KafkaSession;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mediahooks dead-letters list}: one line per dead letter matching the filters. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {
            "List the dead letters matching the filters, oldest first, one line each:",
            "  <dead-lettered at> <webhook> <event_type> <event_id> <webhook-id>",
            "      after <n> attempts: <last status or error> from <url>",
            "A delivery dead-lettered more than once (replayed, failed again) is listed once, with its latest record."})
public final class DeadLettersListCommand implements Callable<Integer> {

    @Mixin
    DeadLetterOptions options;

    private final CliContext context;

    public DeadLettersListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DeadLetterFilter filter = options.toFilter(context.clock().instant());
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            List<DeadLetters.Entry> entries = DeadLetters.read(kafka, context, filter);
            entries.forEach(entry -> context.println(DeadLetters.line(entry)));
            context.println(entries.size() + " dead letter" + (entries.size() == 1 ? "" : "s"));
        }
        return 0;
    }
}
