package io.mediahooks.router.routing;

import java.util.Locale;

/** Why a valid event produced no delivery; the {@code reason} tag of {@code mediahooks.router.events.skipped}. */
public enum SkipReason {
    /** The organization has no webhooks at all (the common case for most organizations). */
    NO_WEBHOOKS,
    /** The organization has webhooks, but none wants this event's type or has its conditions hold. */
    NO_MATCH,
    /** Only disabled webhooks would have wanted the event. */
    DISABLED,
    /** Webhooks wanted the event, but the organization has no secrets (never set, or removed). */
    NO_SECRET,
    /** Webhooks wanted the event, but every secret of the organization had expired when it was routed. */
    SECRET_EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
