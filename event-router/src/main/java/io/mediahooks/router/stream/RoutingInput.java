package io.mediahooks.router.stream;

import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.router.routing.OrganizationWebhooks;
import java.util.Objects;
import java.util.Optional;

/** An event with what its organization had when it was joined: webhooks and secrets. Internal to the topology; never written to a topic. */
public record RoutingInput(MediaEvent event, OrganizationWebhooks webhooks, Optional<OrganizationSecrets> secrets) {

    public RoutingInput {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(secrets, "secrets");
    }

    static RoutingInput withWebhooks(MediaEvent event, OrganizationWebhooks webhooksOrNull) {
        return new RoutingInput(event, webhooksOrNull == null ? OrganizationWebhooks.empty() : webhooksOrNull, Optional.empty());
    }

    RoutingInput withSecrets(OrganizationSecrets secretsOrNull) {
        return new RoutingInput(event, webhooks, Optional.ofNullable(secretsOrNull));
    }
}
