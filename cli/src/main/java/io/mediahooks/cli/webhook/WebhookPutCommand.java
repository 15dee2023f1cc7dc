package io.mediahooks.cli.webhook;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.RecordInput;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.Condition;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks webhook put}: writes one subscription, keyed by its id (a new id creates, an existing one replaces). */
@Command(name = "put", mixinStandardHelpOptions = true,
        description = {
            "Create or replace a webhook. Give it with flags or as a subscription JSON file (SPEC.md).",
            "The record is validated exactly as the router validates it before anything is written,",
            "its URL by the same policy and settings (MEDIAHOOKS_ALLOW_HTTP, MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS,",
            "MEDIAHOOKS_ALLOWED_ADDRESSES) as the API, the router and the workers."},
        footer = {"", "Examples:",
            "  mediahooks webhook put --id wh_1 --org org_42 \\",
            "      --url https://hooks.example.com/flow \\",
            "      --events VIDEO_READY,LIVESTREAM_UPDATED --has-tag sports",
            "  mediahooks webhook put --file subscription.json"})
public final class WebhookPutCommand implements Callable<Integer> {

    @Option(names = "--id", paramLabel = "<id>", description = "Webhook (subscription) id, e.g. wh_1; the record key.")
    String id;

    @Option(names = "--org", paramLabel = "<org>", description = "Organization id, e.g. org_42.")
    String organization;

    @Option(names = "--url", paramLabel = "<url>", description = "Where deliveries are POSTed; https (http and loopback only with the local-development settings).")
    String url;

    @Option(names = "--events", paramLabel = "<types>",
            description = "Comma-separated event types (e.g. VIDEO_READY,LIVESTREAM_UPDATED), or ALL.")
    String events;

    @Option(names = "--has-tag", paramLabel = "<tag>",
            description = "Only events whose payload.tags contains this tag (case-insensitive). Repeatable: all must hold.")
    List<String> hasTags = new ArrayList<>();

    @Option(names = "--disabled", description = "Create it disabled (no deliveries; pending ones are dropped).")
    boolean disabled;

    @Option(names = "--description", paramLabel = "<text>", description = "Free text for humans.")
    String description;

    @Option(names = "--file", paramLabel = "<file>", description = "A subscription JSON file ('-' for standard input) instead of the flags.")
    Path file;

    private final CliContext context;

    public WebhookPutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Subscription subscription = subscription();
        // The same policy, from the same settings, as the API, the router and the workers: a URL they would reject is not written.
        UrlPolicyConfig urls = UrlPolicyConfig.from(context.environment());
        Optional<String> refusal = urls.policy().refusal(subscription.url());
        if (refusal.isPresent()) {
            throw CliException.usage("url: " + refusal.get() + "; nothing written (the router and the workers would reject "
                    + "the record too). For local development, " + UrlPolicyConfig.ALLOW_HTTP.key() + "=true and "
                    + UrlPolicyConfig.ALLOW_PRIVATE_NETWORKS.key() + "=true allow plain http and loopback, as for the services");
        }
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            var topic = kafka.topics().subscriptions();
            kafka.requireTopics(topic.name());
            kafka.send(topic, subscription.id(), subscription);
            context.println("Webhook " + subscription.id() + " of " + subscription.organizationId() + " written to "
                    + topic.name() + ": " + describe(subscription));
        }
        return 0;
    }

    private Subscription subscription() {
        boolean anyFlag = id != null || organization != null || url != null || events != null || !hasTags.isEmpty()
                || disabled || description != null;
        if (file != null) {
            if (anyFlag) {
                throw CliException.usage("give the webhook either with --file or with flags, not both");
            }
            return RecordInput.decodeFile(SubscriptionCodec.INSTANCE, RecordInput.read(file, System.in), file, "subscription");
        }
        return new SubscriptionInput(id, organization, url, events, hasTags, disabled, Optional.ofNullable(description))
                .toSubscription();
    }

    /** {@code ALL -> https://..., has_tag sports (disabled)}: one webhook in one line. */
    public static String describe(Subscription subscription) {
        String types = subscription.events().all() ? "ALL"
                : String.join(",", subscription.events().types().stream().sorted().map(Enum::name).toList());
        StringBuilder text = new StringBuilder(types).append(" -> ").append(subscription.url());
        for (Condition condition : subscription.conditions()) {
            if (condition instanceof Condition.HasTag hasTag) {
                text.append(", has_tag ").append(hasTag.name());
            }
        }
        if (!subscription.enabled()) {
            text.append(" (disabled)");
        }
        return text.toString();
    }
}
