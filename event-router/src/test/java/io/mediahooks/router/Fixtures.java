package io.mediahooks.router;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Test data in the shapes of SPEC.md. */
public final class Fixtures {

    public static final Instant CREATED_AT = Instant.parse("2026-11-26T12:00:00Z");
    /** How the tests' routers keep secrets: sealed under the test key ring they are given. */
    public static final SecretsAtRest TEST_KEYS = SecretsAtRest.encrypted(SecretsKeyRing.parse(TestSecretsKeys.RING));

    private Fixtures() {
    }

    public static OrganizationId org(String id) {
        return new OrganizationId(id);
    }

    public static SubscriptionId sub(String id) {
        return new SubscriptionId(id);
    }

    public static MediaEvent event(String organization, String eventId, EventType type, String... tags) {
        return new MediaEvent(new EventId(eventId), type, RfcTimestamp.of(CREATED_AT), org(organization),
                MediaEventCodec.payload("vid_9", "Final", List.of(tags)), List.of(tags));
    }

    public static byte[] json(MediaEvent event) {
        return MediaEventCodec.INSTANCE.encode(event);
    }

    public static Subscription webhook(String id, String organization, String url, EventSelection events,
                                       Condition... conditions) {
        return new Subscription(sub(id), org(organization), URI.create(url), events, List.of(conditions), true,
                Optional.of("test webhook " + id));
    }

    public static Subscription webhook(String id, String organization, EventType first, EventType... rest) {
        return webhook(id, organization, "https://hooks.example.com/" + id, EventSelection.of(first, rest));
    }

    public static Subscription disabled(Subscription webhook) {
        return new Subscription(webhook.id(), webhook.organizationId(), webhook.url(), webhook.events(),
                webhook.conditions(), false, webhook.description());
    }

    public static Subscription withUrl(Subscription webhook, String url) {
        return new Subscription(webhook.id(), webhook.organizationId(), URI.create(url), webhook.events(),
                webhook.conditions(), webhook.enabled(), webhook.description());
    }

    public static Subscription inOrganization(Subscription webhook, String organization) {
        return new Subscription(webhook.id(), org(organization), webhook.url(), webhook.events(),
                webhook.conditions(), webhook.enabled(), webhook.description());
    }

    /** A valid secret value: whsec_ and base64 of 32 bytes derived from {@code seed}. */
    public static String secretValue(String seed) {
        byte[] key = new byte[32];
        byte[] seedBytes = seed.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seedBytes[i % seedBytes.length] + i);
        }
        return WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** One secret that never expires. */
    public static OrganizationSecrets secrets(String organization) {
        return new OrganizationSecrets(org(organization),
                List.of(new WebhookSecret(new SecretId("sec_1"), secretValue(organization), Optional.empty())));
    }

    /** {@code secrets} as a record of {@code webhook-secrets}, sealed under the test key ring. */
    public static byte[] sealed(OrganizationSecrets secrets) {
        return new OrganizationSecretsCodec(TEST_KEYS).encode(secrets);
    }

    /** Secrets that all expire at {@code expiresAt}. */
    public static OrganizationSecrets expiringSecrets(String organization, Instant expiresAt) {
        return new OrganizationSecrets(org(organization), List.of(
                new WebhookSecret(new SecretId("sec_2"), secretValue(organization + "2"), Optional.of(expiresAt)),
                new WebhookSecret(new SecretId("sec_1"), secretValue(organization + "1"), Optional.of(expiresAt))));
    }
}
