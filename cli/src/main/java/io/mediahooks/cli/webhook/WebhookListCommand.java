package io.mediahooks.cli.webhook;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.Flags;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks webhook list}: the webhooks as they stand, with the state the workers gave them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {
            "List the webhooks as they stand now, one line each:",
            "  <organization> <id> <status> <events> [<conditions>] <url>",
            "The status is 'enabled', 'off (enabled=false)', 'enabled, endpoint failing since <t> (circuit open)',",
            "or 'DISABLED since <t>: <reason>' when the workers disabled it after its endpoint failed every attempt",
            "for MEDIAHOOKS_DISABLE_AFTER. Any update of the webhook ('webhook put') enables it again."})
public final class WebhookListCommand implements Callable<Integer> {

    @Option(names = "--organization", paramLabel = "<id>", description = "Only this organization's webhooks, e.g. org_42.")
    String organization;

    @Option(names = "--id", paramLabel = "<id>", description = "Only this webhook, e.g. wh_1.")
    String id;

    private final CliContext context;

    public WebhookListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Predicate<Subscription> wanted = WebhookStates.of(Optional.ofNullable(organization)
                .map(value -> Flags.parse("--organization", value, OrganizationId::new)));
        if (id != null) {
            SubscriptionId only = Flags.parse("--id", id, SubscriptionId::new);
            wanted = wanted.and(webhook -> webhook.id().equals(only));
        }
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            WebhookStates.Snapshot snapshot = WebhookStates.read(kafka, wanted);
            snapshot.webhooks().forEach(state -> context.println(line(state)));
            context.println(snapshot.webhooks().size() + " webhook" + (snapshot.webhooks().size() == 1 ? "" : "s")
                    + (snapshot.unreadable() == 0 ? "" : "; " + snapshot.unreadable() + " unreadable record(s) skipped, as the services skip them"));
        }
        return 0;
    }

    static String line(WebhookStates.State state) {
        Subscription webhook = state.webhook();
        StringBuilder line = new StringBuilder()
                .append(webhook.organizationId()).append(' ').append(webhook.id()).append(' ').append(state.status()).append(' ')
                .append(events(webhook.events()));
        if (!webhook.conditions().isEmpty()) {
            line.append(' ').append(webhook.conditions().stream().map(WebhookListCommand::condition).collect(Collectors.joining(",")));
        }
        return line.append(' ').append(webhook.url()).toString();
    }

    private static String events(EventSelection events) {
        return events.all() ? EventSelection.ALL : events.types().stream().map(EventType::name).sorted().collect(Collectors.joining(","));
    }

    private static String condition(Condition condition) {
        return condition instanceof Condition.HasTag tag ? tag.type() + ":" + tag.name() : condition.type();
    }
}
