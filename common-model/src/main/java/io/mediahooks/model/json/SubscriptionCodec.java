package io.mediahooks.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The subscription (webhook) JSON of SPEC.md. */
public final class SubscriptionCodec implements JsonCodec<Subscription> {

    public static final SubscriptionCodec INSTANCE = new SubscriptionCodec();

    static final int MAX_URL_LENGTH = 2048;

    @Override
    public Subscription decode(byte[] bytes) {
        JsonFields fields = JsonFields.of(Json.parseObject(bytes));
        SubscriptionId id = fields.requireTyped("id", SubscriptionId::new);
        OrganizationId organization = fields.requireTyped("organization_id", OrganizationId::new);
        URI url = parseUrl(fields.requireText("url"));
        EventSelection events = parseEvents(fields.requireArray("events"));
        List<Condition> conditions = fields.optionalArray("conditions").map(SubscriptionCodec::parseConditions).orElse(List.of());
        boolean enabled = fields.optionalBoolean("enabled", true);
        return new Subscription(id, organization, url, events, conditions, enabled, fields.optionalText("description"), lifecycle(fields));
    }

    private static Subscription.Lifecycle lifecycle(JsonFields fields) {
        Optional<Instant> disabledAt = fields.optionalTimestamp("disabled_at").map(RfcTimestamp::instant);
        Optional<String> disabledReason = fields.optionalText("disabled_reason");
        if (disabledAt.isPresent() != disabledReason.isPresent()) {
            throw new InvalidRecordException(disabledAt.isPresent() ? "disabled_reason" : "disabled_at",
                    "disabled_reason and disabled_at go together");
        }
        return new Subscription.Lifecycle(
                fields.optionalTimestamp("created_at").map(RfcTimestamp::instant),
                fields.optionalTimestamp("updated_at").map(RfcTimestamp::instant),
                disabledReason.map(reason -> new Subscription.Disabled(reason, disabledAt.orElseThrow())));
    }

    /**
     * Accepts absolute {@code http} and {@code https} URLs with a host. Whether plain http and
     * private addresses may be called is not the contract's decision but the deployment's: the
     * shared {@link io.mediahooks.model.safety.UrlPolicy} decides it, in the management API, in the
     * router's and workers' views of the subscriptions, and again when a worker sends.
     */
    public static URI parseUrl(String text) {
        if (text.length() > MAX_URL_LENGTH) {
            throw new InvalidRecordException("url", "longer than " + MAX_URL_LENGTH + " characters");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidRecordException("url", "not a valid URL: " + JsonFields.abbreviate(text), e);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidRecordException("url", "must be an absolute https URL, got " + JsonFields.abbreviate(text));
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new InvalidRecordException("url", "has no host: " + JsonFields.abbreviate(text));
        }
        if (url.getRawUserInfo() != null) {
            throw new InvalidRecordException("url", "must not carry credentials in user info");
        }
        if (url.getRawFragment() != null) {
            throw new InvalidRecordException("url", "must not have a fragment");
        }
        return url;
    }

    private static EventSelection parseEvents(ArrayNode array) {
        if (array.isEmpty()) {
            throw new InvalidRecordException("events", "must name at least one event type, or ALL");
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        boolean all = false;
        for (int i = 0; i < array.size(); i++) {
            String path = "events[" + i + "]";
            JsonNode element = array.get(i);
            if (!element.isTextual()) {
                throw new InvalidRecordException(path, "expected a string, got " + JsonFields.kind(element));
            }
            String name = element.textValue();
            if (name.equals(EventSelection.ALL)) {
                all = true;
            } else {
                types.add(EventType.fromWireName(name).orElseThrow(() ->
                        new InvalidRecordException(path, "unknown value " + JsonFields.abbreviate(name))));
            }
        }
        return all ? EventSelection.allTypes() : new EventSelection(false, types);
    }

    private static List<Condition> parseConditions(ArrayNode array) {
        List<Condition> conditions = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String path = "conditions[" + i + "]";
            JsonFields condition = JsonFields.at(array.get(i), path);
            String type = condition.requireText("type");
            if (type.equals(Condition.HasTag.TYPE)) {
                conditions.add(new Condition.HasTag(condition.requireText("name")));
            } else {
                throw new InvalidRecordException(path + ".type", "unknown value " + JsonFields.abbreviate(type));
            }
        }
        return conditions;
    }

    @Override
    public byte[] encode(Subscription subscription) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", subscription.id().value());
        node.put("organization_id", subscription.organizationId().value());
        node.put("url", subscription.url().toString());
        ArrayNode events = node.putArray("events");
        if (subscription.events().all()) {
            events.add(EventSelection.ALL);
        } else {
            subscription.events().types().stream().sorted().forEach(type -> events.add(type.name()));
        }
        ArrayNode conditions = node.putArray("conditions");
        for (Condition condition : subscription.conditions()) {
            ObjectNode element = conditions.addObject().put("type", condition.type());
            if (condition instanceof Condition.HasTag hasTag) {
                element.put("name", hasTag.name());
            }
        }
        node.put("enabled", subscription.enabled());
        subscription.description().ifPresent(description -> node.put("description", description));
        Subscription.Lifecycle lifecycle = subscription.lifecycle();
        lifecycle.createdAt().ifPresent(at -> node.put("created_at", RfcTimestamp.of(at).text()));
        lifecycle.updatedAt().ifPresent(at -> node.put("updated_at", RfcTimestamp.of(at).text()));
        lifecycle.disabled().ifPresent(disabled -> {
            node.put("disabled_reason", disabled.reason());
            node.put("disabled_at", RfcTimestamp.of(disabled.at()).text());
        });
        return Json.write(node);
    }
}
