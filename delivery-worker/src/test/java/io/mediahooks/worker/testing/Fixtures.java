package io.mediahooks.worker.testing;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.WebhookSecret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Deliveries, webhooks and secrets for tests. */
public final class Fixtures {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {
    }

    /** A fresh {@code whsec_} secret of 32 random bytes. */
    public static String newSecretValue() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static OrganizationSecrets secrets(String organization, String... values) {
        List<WebhookSecret> secrets = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            secrets.add(new WebhookSecret(new SecretId("sec_" + (i + 1)), values[i], Optional.empty()));
        }
        return new OrganizationSecrets(new OrganizationId(organization), secrets);
    }

    public static Subscription subscription(String id, String organization, String url) {
        return subscription(id, organization, url, true);
    }

    public static Subscription subscription(String id, String organization, String url, boolean enabled) {
        return new Subscription(new SubscriptionId(id), new OrganizationId(organization), URI.create(url),
                EventSelection.allTypes(), List.of(), enabled, Optional.empty());
    }

    /** A first-attempt delivery of event {@code eventId} to {@code subscription}, routed at {@code routedAt}. */
    public static Delivery delivery(String subscription, String organization, String eventId, String url, Instant routedAt) {
        String body = "{\"event_type\":\"VIDEO_READY\",\"event_id\":\"" + eventId
                + "\",\"created_at\":\"2026-11-26T12:00:00Z\",\"payload\":{\"id\":\"vid_9\",\"name\":\"Fin\u00e4l\"}}";
        OrganizationId org = new OrganizationId(organization);
        EventId event = new EventId(eventId);
        SubscriptionId sub = new SubscriptionId(subscription);
        return new Delivery(DeliveryId.of(org, event, sub), sub, org, event, EventType.VIDEO_READY,
                RfcTimestamp.parse("2026-11-26T12:00:00Z"), url, body, routedAt, 0, Optional.empty(), Optional.empty());
    }
}
