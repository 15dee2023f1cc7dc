package io.mediahooks.bench.workload;

import io.mediahooks.model.Condition;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.json.MediaEventCodec;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The customers of every benchmark: {@value #ORGANIZATIONS} organizations with
 * {@value #WEBHOOKS_PER_ORGANIZATION} webhooks each (1,000 in all), one secret each, and a mix of
 * event types and tag conditions, so an event fans out to several webhooks of its organization
 * and matching is really exercised. Deterministic for a seed.
 */
public final class Workload {

    public static final int ORGANIZATIONS = 100;
    public static final int WEBHOOKS_PER_ORGANIZATION = 10;
    private static final String ID_PREFIX = "org_";

    /** The webhook shapes every organization has: which types, under which tag conditions. */
    private static final List<Shape> SHAPES = List.of(
            new Shape(EventSelection.allTypes(), List.of()),
            new Shape(EventSelection.of(EventType.VIDEO_READY), List.of()),
            new Shape(EventSelection.of(EventType.VIDEO_READY, EventType.VIDEO_UPDATED), List.of("sports")),
            new Shape(EventSelection.of(EventType.VIDEO_READY, EventType.VIDEO_UPDATED, EventType.VIDEO_DELETED), List.of()),
            new Shape(EventSelection.of(EventType.LIVESTREAM_CREATED, EventType.LIVESTREAM_UPDATED,
                    EventType.LIVESTREAM_CONNECTED, EventType.LIVESTREAM_DISCONNECTED), List.of()),
            new Shape(EventSelection.of(EventType.PLAYLIST_CREATED, EventType.PLAYLIST_UPDATED), List.of()),
            new Shape(EventSelection.allTypes(), List.of("highlights")),
            new Shape(EventSelection.of(EventType.VIDEO_READY), List.of("news")),
            new Shape(EventSelection.of(EventType.LIVESTREAM_CONNECTED, EventType.LIVESTREAM_DISCONNECTED), List.of("Sports")),
            new Shape(EventSelection.of(EventType.VIDEO_UPDATED), List.of("sports", "highlights")));

    private final List<Organization> organizations;

    private Workload(List<Organization> organizations) {
        this.organizations = List.copyOf(organizations);
    }

    /**
     * The organizations and their webhooks.
     *
     * @param baseUrlOfOrganization the receiver endpoint (scheme, host, port) each organization's webhooks point at
     */
    public static Workload create(long seed, IntFunction<String> baseUrlOfOrganization) {
        return create(seed, ORGANIZATIONS, baseUrlOfOrganization);
    }

    /** The first {@code count} organizations (at most {@value #ORGANIZATIONS}) of the workload of {@code seed}. */
    public static Workload create(long seed, int count, IntFunction<String> baseUrlOfOrganization) {
        if (count < 1 || count > ORGANIZATIONS) {
            throw new IllegalArgumentException("1 to " + ORGANIZATIONS + " organizations, not " + count);
        }
        if (SHAPES.size() != WEBHOOKS_PER_ORGANIZATION) {
            throw new IllegalStateException("one shape per webhook of an organization");
        }
        Random random = new Random(seed);
        List<Organization> organizations = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            OrganizationId id = organizationId(index);
            byte[] key = new byte[32];
            random.nextBytes(key);
            WebhookSecret secret = new WebhookSecret(new SecretId("sec_1"),
                    WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key), Optional.empty());
            List<Subscription> webhooks = new ArrayList<>();
            for (int k = 0; k < SHAPES.size(); k++) {
                Shape shape = SHAPES.get(k);
                SubscriptionId subscription = new SubscriptionId("wh_" + id.value() + "_" + k);
                URI url = URI.create(baseUrlOfOrganization.apply(index) + "/o/" + id.value() + "/" + subscription.value());
                webhooks.add(new Subscription(subscription, id, url, shape.events(),
                        shape.tags().stream().<Condition>map(Condition.HasTag::new).toList(), true,
                        Optional.of("benchmark webhook " + k)));
            }
            organizations.add(new Organization(index, id, new OrganizationSecrets(id, List.of(secret)), webhooks));
        }
        return new Workload(organizations);
    }

    public List<Organization> organizations() {
        return organizations;
    }

    public List<Subscription> subscriptions() {
        return organizations.stream().flatMap(organization -> organization.webhooks().stream()).toList();
    }

    /** The value of each organization's primary secret, by organization id, for checking signatures. */
    public Map<String, String> primarySecrets() {
        Map<String, String> secrets = new HashMap<>();
        organizations.forEach(organization ->
                secrets.put(organization.id().value(), organization.secrets().secrets().get(0).value()));
        return secrets;
    }

    /** How many webhooks {@code event} goes to: the number of deliveries the router must make of it. */
    public int fanOut(MediaEvent event) {
        int matches = 0;
        for (Subscription webhook : organizationOf(event).webhooks()) {
            if (webhook.matches(event)) {
                matches++;
            }
        }
        return matches;
    }

    /** The deliveries the router makes of {@code event}, routed at {@code now}. */
    public List<Delivery> deliveries(MediaEvent event, Instant now) {
        String body = MediaEventCodec.deliveryBody(event);
        return organizationOf(event).webhooks().stream().filter(webhook -> webhook.matches(event))
                .map(webhook -> Delivery.route(event, webhook, body, now)).toList();
    }

    private Organization organizationOf(MediaEvent event) {
        return organizations.get(indexOf(event.organizationId()));
    }

    /** The index of an organization of the workload, from its id. */
    public static int indexOf(OrganizationId organization) {
        return Integer.parseInt(organization.value().substring(ID_PREFIX.length()));
    }

    /** The id of organization number {@code index}. */
    public static OrganizationId organizationId(int index) {
        return new OrganizationId(String.format("%s%03d", ID_PREFIX, index));
    }

    /** One organization of the workload: its index, id, secrets and webhooks. */
    public record Organization(int index, OrganizationId id, OrganizationSecrets secrets, List<Subscription> webhooks) {
    }

    private record Shape(EventSelection events, List<String> tags) {
    }
}
