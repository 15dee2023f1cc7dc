package io.mediahooks.api.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.mediahooks.api.http.Cursor;
import io.mediahooks.api.http.Representations;
import io.mediahooks.api.http.Responses;
import io.mediahooks.api.http.Requests;
import io.mediahooks.api.webhooks.WebhookService;
import java.util.Optional;

/** {@code /v1/webhooks}: list, create, read, replace, merge-patch and delete an organization's webhooks. */
public final class WebhooksResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private final WebhookService webhooks;

    public WebhooksResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/webhooks", this::list);
        routes.post("/v1/webhooks", this::create);
        routes.get("/v1/webhooks/{id}", this::get);
        routes.put("/v1/webhooks/{id}", this::replace);
        routes.patch("/v1/webhooks/{id}", this::patch);
        routes.delete("/v1/webhooks/{id}", this::delete);
    }

    private void list(Context ctx) {
        WebhookService.Page page = webhooks.list(Principals.organization(ctx), Requests.limit(ctx),
                Cursor.decode(ctx.queryParam("cursor")));
        Responses.json(ctx, Representations.page(page.webhooks().stream().map(Representations::webhook).toList(), page.nextAfter()));
    }

    private void create(Context ctx) {
        WebhookService.Versioned created = webhooks.create(Principals.organization(ctx), Requests.jsonObject(ctx));
        ctx.status(201).header("Location", "/v1/webhooks/" + created.webhook().id().value());
        respond(ctx, created);
    }

    private void get(Context ctx) {
        respond(ctx, webhooks.get(Principals.organization(ctx), ctx.pathParam("id")));
    }

    private void replace(Context ctx) {
        ObjectNode body = Requests.jsonObject(ctx);
        respond(ctx, webhooks.replace(Principals.organization(ctx), ctx.pathParam("id"), body, ifMatch(ctx)));
    }

    private void patch(Context ctx) {
        ObjectNode body = Requests.jsonObject(ctx, MERGE_PATCH, "application/json");
        respond(ctx, webhooks.patch(Principals.organization(ctx), ctx.pathParam("id"), body, ifMatch(ctx)));
    }

    private void delete(Context ctx) {
        webhooks.delete(Principals.organization(ctx), ctx.pathParam("id"), ifMatch(ctx));
        ctx.status(204);
    }

    private static Optional<String> ifMatch(Context ctx) {
        return Optional.ofNullable(ctx.header("If-Match")).filter(value -> !value.isBlank());
    }

    private static void respond(Context ctx, WebhookService.Versioned webhook) {
        ctx.header("ETag", webhook.etag());
        Responses.json(ctx, Representations.webhook(webhook));
    }
}
