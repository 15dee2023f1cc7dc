package io.mediahooks.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A change in the health of a webhook's endpoint, as the delivery workers saw it, on
 * {@code webhook-operational-events} (compacted, keyed by subscription id: the latest record is
 * the webhook's current health).
 *
 * <pre>{@code
 * {"subscription_id":"wh_1","organization_id":"org_42","type":"disabled","at":"2026-12-04T12:00:00Z",
 *  "url":"https://hooks.example.com/flow","reason":"every attempt failed since 2026-11-29T12:00:00Z (last: HTTP 503)",
 *  "failing_since":"2026-11-29T12:00:00Z","subscription_offset":1234}
 * }</pre>
 *
 * <p><b>Disabled</b> is judged against one revision of the webhook: {@code subscription_offset} is
 * the offset of the webhook's record on {@code webhook-subscriptions} that the worker judged. A
 * webhook is disabled only while the latest record for its id here is {@code disabled} <em>and</em>
 * its current record on {@code webhook-subscriptions} is still at that offset. Any write of the
 * webhook (a user's update, even one acknowledged a moment before the disable was written) has a
 * higher offset and so enables it again; the workers never write {@code webhook-subscriptions}, so
 * they cannot overwrite a user's update.
 *
 * @param failingSince       since when every attempt to the endpoint failed ({@code endpoint_opened}, {@code disabled})
 * @param subscriptionOffset the judged revision of the webhook (required for {@code disabled})
 */
public record OperationalEvent(
        SubscriptionId subscriptionId,
        OrganizationId organizationId,
        Type type,
        Instant at,
        String url,
        String reason,
        Optional<Instant> failingSince,
        OptionalLong subscriptionOffset) {

    /** What changed. */
    public enum Type {
        /** Attempts to the endpoint keep failing: the workers stopped sending to it for a while (circuit open). */
        ENDPOINT_OPENED,
        /** An attempt succeeded again after the endpoint had been opened: deliveries flow again. */
        ENDPOINT_RECOVERED,
        /** Every attempt failed for MEDIAHOOKS_DISABLE_AFTER: deliveries are dropped until the webhook is updated. */
        DISABLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> fromWireName(String name) {
            for (Type type : values()) {
                if (type.wireName().equals(name)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public OperationalEvent {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(failingSince, "failingSince");
        Objects.requireNonNull(subscriptionOffset, "subscriptionOffset");
        if (type == Type.DISABLED && subscriptionOffset.isEmpty()) {
            throw new IllegalArgumentException("a disable names the revision (subscription_offset) it judged");
        }
    }

    /** True when this record disables the webhook whose current record is at {@code currentOffset}. */
    public boolean disables(long currentOffset) {
        return type == Type.DISABLED && subscriptionOffset.isPresent() && subscriptionOffset.getAsLong() == currentOffset;
    }
}
