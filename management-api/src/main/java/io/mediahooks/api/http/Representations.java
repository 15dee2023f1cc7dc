package io.mediahooks.api.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.api.deliveries.AttemptQueries;
import io.mediahooks.api.deliveries.DeadLetterQueries;
import io.mediahooks.api.secrets.SecretService;
import io.mediahooks.api.views.RecoverJob;
import io.mediahooks.api.views.RecoverJobCodec;
import io.mediahooks.api.webhooks.WebhookService;
import io.mediahooks.model.ApiKey;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON the API answers with; each shape is a schema of the OpenAPI document. */
public final class Representations {

    private Representations() {
    }

    public static ObjectNode webhook(WebhookService.Versioned versioned) {
        ObjectNode node = Json.parseObject(SubscriptionCodec.INSTANCE.encode(versioned.webhook()));
        ObjectNode out = Json.MAPPER.createObjectNode();
        for (String field : new String[] {"id", "organization_id", "url", "events", "conditions", "enabled"}) {
            out.set(field, node.get(field));
        }
        out.set("description", node.has("description") ? node.get("description") : Json.MAPPER.nullNode());
        for (String field : new String[] {"created_at", "updated_at"}) {
            out.set(field, node.has(field) ? node.get(field) : Json.MAPPER.nullNode());
        }
        out.put("disabled_reason", versioned.disabled().map(Subscription.Disabled::reason).orElse(null));
        out.put("disabled_at", versioned.disabled().map(disabled -> time(disabled.at())).orElse(null));
        return out;
    }

    public static ObjectNode attempt(Attempt attempt, RetrySchedule schedule) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("delivery_id", attempt.deliveryId().value());
        node.put("webhook_id", attempt.subscriptionId().value());
        node.put("event_id", attempt.eventId().value());
        node.put("event_type", attempt.eventType().name());
        node.put("attempt", attempt.attempt());
        node.put("outcome", attempt.outcome().wireName());
        if (attempt.status().isPresent()) {
            node.put("status_code", attempt.status().getAsInt());
        } else {
            node.putNull("status_code");
        }
        node.put("duration_ms", attempt.durationMs());
        node.put("error", attempt.error().orElse(null));
        node.put("url", attempt.url());
        node.put("at", time(attempt.attemptedAt()));
        Optional<Instant> next = attempt.outcome() == AttemptOutcome.RETRY_SCHEDULED
                ? schedule.delayAfter(attempt.attempt()).map(attempt.attemptedAt()::plus) : Optional.empty();
        node.put("next_attempt_at", next.map(Representations::time).orElse(null));
        ObjectNode headers = node.putObject("request_headers");
        attempt.exchange().requestHeaders().forEach(headers::put);
        node.put("response_body", attempt.exchange().responseBody().orElse(null));
        return node;
    }

    public static ObjectNode delivery(String deliveryId, AttemptQueries.DeliveryHistory history, RetrySchedule schedule) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("delivery_id", deliveryId);
        Optional<Delivery> delivery = history.delivery();
        Optional<Attempt> first = history.attempts().stream().findFirst();
        node.put("webhook_id", delivery.map(d -> d.subscriptionId().value()).orElse(first.map(a -> a.subscriptionId().value()).orElse(null)));
        node.put("event_id", delivery.map(d -> d.eventId().value()).orElse(first.map(a -> a.eventId().value()).orElse(null)));
        node.put("event_type", delivery.map(d -> d.eventType().name()).orElse(first.map(a -> a.eventType().name()).orElse(null)));
        node.put("state", AttemptQueries.state(history.attempts()));
        node.put("url", delivery.map(Delivery::url).orElse(first.map(Attempt::url).orElse(null)));
        node.put("routed_at", delivery.map(d -> time(d.routedAt())).orElse(null));
        node.put("body", delivery.map(Delivery::body).orElse(null));
        ArrayNode attempts = node.putArray("attempts");
        history.attempts().forEach(attempt -> attempts.add(attempt(attempt, schedule)));
        return node;
    }

    public static ObjectNode deadLetter(DeadLetterQueries.Entry entry) {
        Delivery delivery = entry.delivery();
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("delivery_id", delivery.deliveryId().value());
        node.put("webhook_id", delivery.subscriptionId().value());
        node.put("event_id", delivery.eventId().value());
        node.put("event_type", delivery.eventType().name());
        node.put("attempts", delivery.attempts());
        node.put("dead_lettered_at", time(entry.deadLetteredAt()));
        node.put("url", delivery.url());
        node.put("body", delivery.body());
        Optional<Attempt> last = delivery.lastAttempt();
        if (last.isPresent()) {
            node.set("last_attempt", attempt(last.get(), RetrySchedule.defaults()));
        } else {
            node.putNull("last_attempt");
        }
        return node;
    }

    public static ObjectNode job(RecoverJob job) {
        ObjectNode node = RecoverJobCodec.toNode(job);
        node.remove("organization_id");
        return node;
    }

    public static ObjectNode secret(SecretService.SecretInfo info) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", info.id().value());
        node.put("created_at", info.createdAt().map(Representations::time).orElse(null));
        node.put("expires_at", info.expiresAt().map(Representations::time).orElse(null));
        return node;
    }

    public static ObjectNode apiKey(ApiKey key) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", key.id());
        node.put("organization_id", key.organizationId().value());
        node.put("created_at", time(key.createdAt()));
        node.put("description", key.description().orElse(null));
        return node;
    }

    /** {@code {"data": [...], "next_cursor": ...}}. */
    public static ObjectNode page(List<ObjectNode> items, Optional<String> nextAfter) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.putArray("data").addAll(items);
        node.put("next_cursor", nextAfter.map(Cursor::encode).orElse(null));
        return node;
    }

    public static String time(Instant at) {
        return RfcTimestamp.of(at).text();
    }
}
