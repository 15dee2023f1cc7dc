package io.mediahooks.router.routing;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.MediaEventCodec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The routing rule of SPEC.md as a pure function: which of an organization's webhooks get an
 * event, given the organization's secrets at the moment of routing.
 */
public final class EventRouter {

    private EventRouter() {
    }

    /**
     * Routes {@code event} to every enabled webhook that wants its type and whose conditions all
     * hold, provided the organization has a live secret at {@code now}.
     *
     * @param webhooks the organization's webhooks in subscription id order, empty when it has none
     * @param secrets  the organization's secrets, empty when it has none
     */
    public static Routing route(MediaEvent event, List<Subscription> webhooks, Optional<OrganizationSecrets> secrets,
                                Instant now) {
        if (webhooks.isEmpty()) {
            return new Routing.Skipped(SkipReason.NO_WEBHOOKS);
        }
        List<Subscription> matching = webhooks.stream().filter(webhook -> webhook.matches(event)).toList();
        if (matching.isEmpty()) {
            boolean onlyDisabledWanted = webhooks.stream().anyMatch(webhook -> wouldMatchIfEnabled(webhook, event));
            return new Routing.Skipped(onlyDisabledWanted ? SkipReason.DISABLED : SkipReason.NO_MATCH);
        }
        // Judged after matching so that no_secret counts only events somebody wanted.
        if (secrets.isEmpty()) {
            return new Routing.Skipped(SkipReason.NO_SECRET);
        }
        if (!secrets.get().hasLiveSecretAt(now)) {
            return new Routing.Skipped(SkipReason.SECRET_EXPIRED);
        }
        // Serialized once per event: every delivery, and every attempt of each, sends these exact bytes.
        String body = MediaEventCodec.deliveryBody(event);
        return new Routing.Routed(matching.stream().map(webhook -> Delivery.route(event, webhook, body, now)).toList());
    }

    private static boolean wouldMatchIfEnabled(Subscription webhook, MediaEvent event) {
        return !webhook.enabled()
                && new Subscription(webhook.id(), webhook.organizationId(), webhook.url(), webhook.events(),
                        webhook.conditions(), true, webhook.description()).matches(event);
    }
}
