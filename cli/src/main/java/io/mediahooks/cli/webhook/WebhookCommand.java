package io.mediahooks.cli.webhook;

import picocli.CommandLine.Command;

/** {@code mediahooks webhook put|delete}: manage subscriptions on {@code webhook-subscriptions}. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "Create, change or delete a webhook (a subscription on the webhook-subscriptions topic).",
        subcommands = {WebhookPutCommand.class, WebhookDeleteCommand.class})
public final class WebhookCommand {
}
