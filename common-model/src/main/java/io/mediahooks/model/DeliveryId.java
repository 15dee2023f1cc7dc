package io.mediahooks.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of one event delivered to one subscription: the {@code webhook-id} header receivers
 * de-duplicate on. It is derived from the event and subscription ids, so routing the same event
 * again (a replay, a router restart) gives the same id.
 */
public record DeliveryId(String value) {

    private static final String PREFIX = "msg_";
    /** One digest per thread: looking one up costs as much as the hash (the router makes an id per delivery). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    });

    public DeliveryId {
        Ids.require("DeliveryId", value);
        if (value.indexOf('.') >= 0 || value.indexOf(' ') >= 0) {
            // Standard Webhooks signs "id.timestamp.body": a dot in the id would make that ambiguous.
            throw new IllegalArgumentException("DeliveryId must not contain '.' or spaces");
        }
    }

    /** The stable id of {@code event} delivered to {@code subscription}. */
    public static DeliveryId of(OrganizationId organization, EventId event, SubscriptionId subscription) {
        MessageDigest sha256 = SHA_256.get();
        sha256.reset();
        // Length-prefixing keeps ("a|b","c") and ("a","b|c") apart.
        for (String part : new String[] {organization.value(), event.value(), subscription.value()}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update((byte) (bytes.length >>> 8));
            sha256.update((byte) bytes.length);
            sha256.update(bytes);
        }
        byte[] digest = sha256.digest();
        return new DeliveryId(PREFIX + HexFormat.of().formatHex(digest, 0, 16));
    }

    @Override
    public String toString() {
        return value;
    }
}
