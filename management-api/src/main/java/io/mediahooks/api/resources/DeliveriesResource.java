package io.mediahooks.api.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.mediahooks.api.deliveries.AttemptQueries;
import io.mediahooks.api.deliveries.DeadLetterQueries;
import io.mediahooks.api.deliveries.DeliveryStats;
import io.mediahooks.api.deliveries.RecoverJobs;
import io.mediahooks.api.deliveries.TestEvents;
import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.http.Cursor;
import io.mediahooks.api.http.Representations;
import io.mediahooks.api.http.Requests;
import io.mediahooks.api.http.Responses;
import io.mediahooks.api.secrets.SecretService;
import io.mediahooks.api.views.RecoverJob;
import io.mediahooks.api.webhooks.WebhookService;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What happened to deliveries: a webhook's attempts and statistics, one delivery, dead letters,
 * and the two actions on them: a test event and a recover job.
 */
public final class DeliveriesResource {

    private final WebhookService webhooks;
    private final SecretService secrets;
    private final AttemptQueries attempts;
    private final DeadLetterQueries deadLetters;
    private final TestEvents testEvents;
    private final RecoverJobs jobs;
    private final RetrySchedule schedule;
    private final Clock clock;

    public DeliveriesResource(WebhookService webhooks, SecretService secrets, AttemptQueries attempts,
                              DeadLetterQueries deadLetters, TestEvents testEvents, RecoverJobs jobs, RetrySchedule schedule,
                              Clock clock) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.attempts = attempts;
        this.deadLetters = deadLetters;
        this.testEvents = testEvents;
        this.jobs = jobs;
        this.schedule = schedule;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/webhooks/{id}/attempts", this::attempts);
        routes.get("/v1/webhooks/{id}/stats", this::stats);
        routes.post("/v1/webhooks/{id}/test", this::test);
        routes.post("/v1/webhooks/{id}/recover", this::recover);
        routes.get("/v1/deliveries/{delivery_id}", this::delivery);
        routes.get("/v1/dead-letters", this::deadLetters);
        routes.get("/v1/jobs/{id}", this::job);
    }

    private void attempts(Context ctx) {
        Subscription webhook = webhook(ctx);
        Instant now = clock.instant();
        AttemptQueries.Filter filter = new AttemptQueries.Filter(
                Optional.ofNullable(ctx.queryParam("status")).filter(s -> !s.isBlank()).map(DeliveriesResource::outcome),
                Optional.ofNullable(ctx.queryParam("event_type")).filter(s -> !s.isBlank()).map(DeliveriesResource::eventType),
                Requests.time(ctx, "since", now), Requests.time(ctx, "until", now));
        AttemptQueries.Page page = attempts.attempts(webhook.id().value(), filter, Requests.limit(ctx),
                Cursor.decode(ctx.queryParam("cursor")));
        Responses.json(ctx, Representations.page(page.attempts().stream().map(a -> Representations.attempt(a, schedule)).toList(),
                page.nextAfter()));
    }

    private void stats(Context ctx) {
        WebhookService.Versioned versioned = webhooks.get(Principals.organization(ctx), ctx.pathParam("id"));
        Subscription webhook = versioned.webhook();
        Instant now = clock.instant();
        Instant since = Requests.time(ctx, "since", now).orElse(now.minus(Duration.ofHours(24)));
        DeliveryStats stats = new DeliveryStats();
        attempts.forEachSince(webhook.id().value(), since, stats::add);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("webhook_id", webhook.id().value());
        body.put("since", Representations.time(since));
        ObjectNode counts = body.putObject("counts");
        for (AttemptOutcome outcome : AttemptOutcome.values()) {
            counts.put(outcome.wireName(), stats.count(outcome));
        }
        body.put("total", stats.total());
        ObjectNode latency = body.putObject("latency_ms");
        latency.put("p50", stats.percentile(50).orElse(null));
        latency.put("p95", stats.percentile(95).orElse(null));
        body.put("last_success_at", stats.lastSuccess().map(Representations::time).orElse(null));
        body.put("last_failure_at", stats.lastFailure().map(Representations::time).orElse(null));
        boolean endpointOpen = versioned.endpoint().filter(event -> event.type() == OperationalEvent.Type.ENDPOINT_OPENED).isPresent();
        body.put("health", endpointOpen && versioned.active() ? "failing" : stats.health(versioned.active()));
        body.put("disabled_reason", versioned.disabled().map(Subscription.Disabled::reason).orElse(null));
        var hourly = body.putArray("hourly");
        stats.hourly().forEach(hour -> hourly.addObject().put("hour", Representations.time(hour.start()))
                .put("delivered", hour.delivered()).put("failed", hour.failed()));
        Responses.json(ctx, body);
    }

    private void test(Context ctx) {
        Subscription webhook = webhook(ctx);
        Optional<ObjectNode> body = Requests.optionalJsonObject(ctx);
        body.ifPresent(b -> Requests.rejectUnknownFields(b, Set.of("event_type")));
        EventType type = body.flatMap(b -> Requests.optionalText(b, "event_type")).map(TestEvents::parseType)
                .orElse(TestEvents.defaultType(webhook));
        if (secrets.live(webhook.organizationId()).isEmpty()) {
            throw ApiProblem.of(ApiProblem.Kind.CONFLICT, "the organization has no secret key, so nothing is delivered;"
                    + " generate one with POST /v1/secret first");
        }
        TestEvents.Sent sent = testEvents.send(webhook, type);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("delivery_id", sent.delivery().deliveryId().value());
        answer.put("event_id", sent.delivery().eventId().value());
        answer.put("event_type", type.name());
        ctx.status(202).header("Location", "/v1/deliveries/" + sent.delivery().deliveryId().value());
        Responses.json(ctx, answer);
    }

    private void recover(Context ctx) {
        Subscription webhook = webhook(ctx);
        ObjectNode body = Requests.jsonObject(ctx);
        Requests.rejectUnknownFields(body, Set.of("since", "until"));
        Instant now = clock.instant();
        Instant since = Requests.optionalText(body, "since").map(text -> Requests.parseTime("since", text, now, true))
                .orElseThrow(() -> ApiProblem.invalid("since", "required field is missing"));
        Optional<Instant> until = Requests.optionalText(body, "until").map(text -> Requests.parseTime("until", text, now, true));
        RecoverJob job = jobs.start(webhook, since, until);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.put("job_id", job.id());
        ctx.status(202).header("Location", "/v1/jobs/" + job.id());
        Responses.json(ctx, answer);
    }

    private void delivery(Context ctx) {
        String id = ctx.pathParam("delivery_id");
        AttemptQueries.DeliveryHistory history = attempts.delivery(Principals.organization(ctx), id);
        Responses.json(ctx, Representations.delivery(id, history, schedule));
    }

    private void deadLetters(Context ctx) {
        OrganizationId organization = Principals.organization(ctx);
        Instant now = clock.instant();
        Optional<String> webhookId = Optional.ofNullable(ctx.queryParam("webhook_id")).filter(s -> !s.isBlank());
        DeadLetterQueries.Page page = deadLetters.list(organization, webhookId, Requests.time(ctx, "since", now),
                Requests.time(ctx, "until", now), Requests.limit(ctx), Cursor.decode(ctx.queryParam("cursor")));
        Responses.json(ctx, Representations.page(page.entries().stream().map(Representations::deadLetter).toList(), page.nextAfter()));
    }

    private void job(Context ctx) {
        Responses.json(ctx, Representations.job(jobs.get(Principals.organization(ctx), ctx.pathParam("id"))));
    }

    private Subscription webhook(Context ctx) {
        return webhooks.get(Principals.organization(ctx), ctx.pathParam("id")).webhook();
    }

    private static AttemptOutcome outcome(String text) {
        return AttemptOutcome.fromWireName(text).orElseThrow(() -> ApiProblem.badParameter("status",
                "expected one of delivered, retry_scheduled, dead_lettered, dropped; got '" + Requests.abbreviate(text) + "'"));
    }

    private static EventType eventType(String text) {
        return EventType.fromWireName(text).orElseThrow(() -> ApiProblem.badParameter("event_type",
                "unknown event type '" + Requests.abbreviate(text) + "'"));
    }
}
