package io.mediahooks.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.kafka.ViewWriter;
import io.mediahooks.api.views.Keys;
import io.mediahooks.api.views.ViewTopology;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.OperationalEventCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.safety.UrlPolicy;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Webhooks of one organization: read from the subscriptions view, written to
 * {@code webhook-subscriptions} (read-your-writes). Another organization's webhook is "not found".
 */
public final class WebhookService {

    /**
     * One webhook with the version a client sends back in {@code If-Match}, whether the workers
     * disabled it (a disable counts only while it names the webhook's current record), and the
     * latest word of the workers on its endpoint.
     */
    public record Versioned(Subscription webhook, String etag, Optional<Subscription.Disabled> disabled,
                            Optional<OperationalEvent> endpoint) {

        /** Enabled by its owner and not disabled by the workers. */
        public boolean active() {
            return webhook.enabled() && disabled.isEmpty();
        }
    }

    /** A page of webhooks and the cursor of the next page, if any. */
    public record Page(List<Versioned> webhooks, Optional<String> nextAfter) {
    }

    private final Views views;
    private final ViewWriter writer;
    private final Topics topics;
    private final UrlPolicy urlPolicy;
    private final Clock clock;
    private final SecureRandom random;

    public WebhookService(Views views, ViewWriter writer, Topics topics, UrlPolicy urlPolicy, Clock clock, SecureRandom random) {
        this.views = views;
        this.writer = writer;
        this.topics = topics;
        this.urlPolicy = urlPolicy;
        this.clock = clock;
        this.random = random;
    }

    public Page list(OrganizationId organization, int limit, Optional<String> after) {
        List<Versioned> page = new ArrayList<>();
        // The organization's index: a page costs its own size, whatever the other organizations hold.
        String prefix = ViewTopology.organizationPrefix(organization.value());
        String from = after.map(id -> prefix + id + '\u0000').orElse(prefix);
        try (KeyValueIterator<String, byte[]> it = views.subscriptions().range(from, prefix + Keys.END)) {
            while (it.hasNext()) {
                String id = it.next().key.substring(prefix.length());
                byte[] bytes = views.subscriptions().get(id);
                Optional<Subscription> webhook = bytes == null ? Optional.empty()
                        : decode(bytes).filter(s -> s.organizationId().equals(organization));
                if (webhook.isEmpty()) {
                    continue;
                }
                if (page.size() == limit) {
                    return new Page(page, Optional.of(page.get(page.size() - 1).webhook().id().value()));
                }
                page.add(versioned(webhook.get(), bytes));
            }
        }
        return new Page(page, Optional.empty());
    }

    public Versioned get(OrganizationId organization, String id) {
        byte[] bytes = views.subscriptions().get(id);
        Optional<Subscription> webhook = bytes == null ? Optional.empty() : decode(bytes);
        if (webhook.isEmpty() || !webhook.get().organizationId().equals(organization)) {
            throw ApiProblem.notFound("no webhook " + id);
        }
        return versioned(webhook.get(), bytes);
    }

    private Versioned versioned(Subscription webhook, byte[] bytes) {
        String id = webhook.id().value();
        Optional<OperationalEvent> endpoint = Optional.ofNullable(views.operationalEvents().get(id)).flatMap(WebhookService::event);
        OptionalLong offset = Optional.ofNullable(views.subscriptions().get(ViewTopology.offsetKey(id)))
                .map(value -> OptionalLong.of(ByteBuffer.wrap(value).getLong())).orElse(OptionalLong.empty());
        Optional<Subscription.Disabled> disabled = endpoint
                .filter(event -> offset.isPresent() && event.disables(offset.getAsLong()))
                .map(event -> new Subscription.Disabled(event.reason(), event.at()))
                .or(() -> webhook.lifecycle().disabled());
        return new Versioned(webhook, etag(bytes), disabled, endpoint);
    }

    private static Optional<OperationalEvent> event(byte[] bytes) {
        try {
            return Optional.of(OperationalEventCodec.INSTANCE.decode(bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }

    public Versioned create(OrganizationId organization, ObjectNode input) {
        SubscriptionId id = new SubscriptionId("wh_" + HexFormat.of().formatHex(randomBytes(10)));
        Instant now = now();
        Subscription webhook = WebhookInput.toSubscription(input, id, organization,
                new Subscription.Lifecycle(Optional.of(now), Optional.of(now), Optional.empty()), urlPolicy);
        return write(webhook);
    }

    public Versioned replace(OrganizationId organization, String id, ObjectNode input, Optional<String> ifMatch) {
        Versioned current = get(organization, id);
        checkMatch(current, ifMatch);
        // Any change is a new revision: a disabled state set by the workers belongs to the old one.
        Subscription webhook = WebhookInput.toSubscription(input, current.webhook().id(), organization,
                new Subscription.Lifecycle(current.webhook().lifecycle().createdAt(), Optional.of(laterThan(current)),
                        Optional.empty()), urlPolicy);
        return write(webhook);
    }

    public Versioned patch(OrganizationId organization, String id, ObjectNode patch, Optional<String> ifMatch) {
        Versioned current = get(organization, id);
        checkMatch(current, ifMatch);
        JsonNode merged = WebhookInput.mergePatch(WebhookInput.of(current.webhook()), patch);
        return replace(organization, id, (ObjectNode) merged, Optional.of(current.etag()));
    }

    public void delete(OrganizationId organization, String id, Optional<String> ifMatch) {
        Versioned current = get(organization, id);
        checkMatch(current, ifMatch);
        SubscriptionId key = current.webhook().id();
        writer.write(topics.subscriptions(), key, null, () -> views.subscriptions().get(id) == null);
    }

    private Versioned write(Subscription webhook) {
        byte[] bytes = SubscriptionCodec.INSTANCE.encode(webhook);
        String id = webhook.id().value();
        writer.write(topics.subscriptions(), webhook.id(), bytes, () -> Arrays.equals(views.subscriptions().get(id), bytes));
        return versioned(webhook, bytes);
    }

    /** A strictly later updated_at than the current one, so every revision has its own. */
    private Instant laterThan(Versioned current) {
        Instant now = now();
        return current.webhook().lifecycle().updatedAt().filter(previous -> !now.isAfter(previous))
                .map(previous -> previous.plusMillis(1)).orElse(now);
    }

    private static void checkMatch(Versioned current, Optional<String> ifMatch) {
        if (ifMatch.isEmpty()) {
            return;
        }
        String wanted = ifMatch.get().trim();
        if (wanted.equals("*")) {
            return;
        }
        boolean matches = Arrays.stream(wanted.split(",")).map(String::trim)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .anyMatch(current.etag()::equals);
        if (!matches) {
            throw ApiProblem.preconditionFailed("If-Match " + wanted + " does not match the webhook's current version "
                    + current.etag() + "; GET it again and retry");
        }
    }

    /** The ETag of a stored record: a hash of its exact bytes. */
    static String etag(byte[] bytes) {
        return "\"" + io.mediahooks.api.auth.KeyMaterial.sha256Hex(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 24) + "\"";
    }

    private static Optional<Subscription> decode(byte[] bytes) {
        try {
            return Optional.of(SubscriptionCodec.INSTANCE.decode(bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty(); // never stored: the view validates before applying
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
