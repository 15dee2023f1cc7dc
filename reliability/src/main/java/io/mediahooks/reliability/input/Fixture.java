package io.mediahooks.reliability.input;

import io.mediahooks.model.Condition;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
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
import io.mediahooks.model.json.MediaEventCodec;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The valid world the bad records are thrown at: organizations, each with a secret and three
 * webhooks pointing at the receiver's live endpoint ({@code /o/<org>/<webhook>}), and the valid
 * events and deliveries interleaved with the bad records, with the deliveries they must make.
 */
public final class Fixture {

    static final List<EventType> TYPES = List.of(EventType.VIDEO_READY, EventType.VIDEO_UPDATED, EventType.PLAYLIST_CREATED,
            EventType.LIVESTREAM_CONNECTED);

    private final List<OrganizationSecrets> secrets = new ArrayList<>();
    private final List<Subscription> webhooks = new ArrayList<>();
    private final Map<OrganizationId, List<Subscription>> byOrganization = new LinkedHashMap<>();
    private final Random random;
    private final String liveBaseUrl;
    private final String trapBaseUrl;

    /**
     * @param liveBaseUrl where every valid webhook points
     * @param trapBaseUrl where bad records would point a webhook if they were applied
     */
    public Fixture(int organizations, long seed, String liveBaseUrl, String trapBaseUrl) {
        this.random = new Random(seed);
        this.liveBaseUrl = liveBaseUrl;
        this.trapBaseUrl = trapBaseUrl;
        for (int i = 0; i < organizations; i++) {
            OrganizationId organization = new OrganizationId("org_mi_" + i);
            secrets.add(new OrganizationSecrets(organization, List.of(new WebhookSecret(new SecretId("sec_1"),
                    newSecretValue(), Optional.empty()))));
            List<Subscription> own = List.of(
                    webhook(organization, "all", EventSelection.allTypes(), List.of()),
                    webhook(organization, "ready", EventSelection.of(EventType.VIDEO_READY), List.of()),
                    webhook(organization, "sports", EventSelection.allTypes(), List.of(new Condition.HasTag("sports"))));
            webhooks.addAll(own);
            byOrganization.put(organization, own);
        }
    }

    private Subscription webhook(OrganizationId organization, String name, EventSelection events, List<Condition> conditions) {
        String id = "wh_" + organization.value() + "_" + name;
        return new Subscription(new SubscriptionId(id), organization, URI.create(liveBaseUrl + "/o/" + organization.value() + "/" + id),
                events, conditions, true, Optional.of("malformed-input " + name));
    }

    /** A fresh {@code whsec_} secret of 32 random bytes. */
    public String newSecretValue() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public List<OrganizationSecrets> secrets() {
        return List.copyOf(secrets);
    }

    public List<Subscription> webhooks() {
        return List.copyOf(webhooks);
    }

    public Random random() {
        return random;
    }

    public String trapBaseUrl() {
        return trapBaseUrl;
    }

    /** The primary secret of each organization, for the receiver's signature checks. */
    public Map<String, String> primarySecrets() {
        Map<String, String> primary = new LinkedHashMap<>();
        secrets.forEach(each -> primary.put(each.organizationId().value(), each.secrets().get(0).value()));
        return primary;
    }

    /** A valid event of a random organization, type and tags. */
    public MediaEvent event(String eventId) {
        OrganizationId organization = secrets.get(random.nextInt(secrets.size())).organizationId();
        EventType type = TYPES.get(random.nextInt(TYPES.size()));
        List<String> tags = random.nextBoolean() ? List.of("sports", "news") : List.of("music");
        return new MediaEvent(new EventId(eventId), type, RfcTimestamp.of(Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                organization, MediaEventCodec.payload("vid_" + eventId, "Video " + eventId, tags), tags);
    }

    /** The {@code webhook-id} of every delivery {@code event} must make. */
    public List<String> expectedDeliveries(MediaEvent event) {
        return byOrganization.get(event.organizationId()).stream().filter(webhook -> webhook.matches(event))
                .map(webhook -> DeliveryId.of(event.organizationId(), event.eventId(), webhook.id()).value()).toList();
    }

    /** A delivery of {@code event} to the first webhook of its organization, as the router writes it (or a retry of it, due now). */
    public Delivery delivery(MediaEvent event, boolean retry) {
        Subscription webhook = byOrganization.get(event.organizationId()).get(0);
        Delivery routed = Delivery.route(event, webhook, MediaEventCodec.deliveryBody(event), Instant.now());
        if (!retry) {
            return routed;
        }
        return new Delivery(routed.deliveryId(), routed.subscriptionId(), routed.organizationId(), routed.eventId(),
                routed.eventType(), routed.createdAt(), routed.url(), routed.body(), routed.routedAt(), 1,
                Optional.of(Instant.now()), Optional.empty());
    }
}
