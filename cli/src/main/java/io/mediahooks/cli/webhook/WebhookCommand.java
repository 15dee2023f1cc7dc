package io.mediahooks.cli.webhook;

import picocli.CommandLine.Command;

/** {@code mediahooks webhook put|delete|list}: manage subscriptions on {@code webhook-subscriptions}. */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "Create, change, delete or list webhooks (subscriptions on the webhook-subscriptions topic).",
        subcommands = {WebhookPutCommand.class, WebhookDeleteCommand.class, WebhookListCommand.class})
public final class WebhookCommand {
}
