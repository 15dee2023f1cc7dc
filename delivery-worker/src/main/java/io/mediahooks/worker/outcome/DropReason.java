package io.mediahooks.worker.outcome;

import java.util.Locale;

/** Why a delivery was dropped without sending; {@link #message()} goes into the attempt's {@code error}. */
public enum DropReason {
    WEBHOOK_DELETED("webhook deleted"),
    WEBHOOK_DISABLED("webhook disabled"),
    WEBHOOK_AUTO_DISABLED("webhook disabled: its endpoint failed every attempt for too long (update the webhook to enable it)"),
    NO_LIVE_SECRET("organization has no live secret"),
    ORGANIZATION_CHANGED("webhook now belongs to another organization");

    private final String message;

    DropReason(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** A metric tag value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
