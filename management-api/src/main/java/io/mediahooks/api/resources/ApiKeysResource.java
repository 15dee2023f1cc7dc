package io.mediahooks.api.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.mediahooks.api.auth.ApiKeyService;
import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.http.Representations;
import io.mediahooks.api.http.Requests;
import io.mediahooks.api.http.Responses;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.json.Json;
import java.util.Optional;
import java.util.Set;

/** The operator's routes (admin token): an organization's API keys. */
public final class ApiKeysResource {

    private final ApiKeyService keys;

    public ApiKeysResource(ApiKeyService keys) {
        this.keys = keys;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/organizations/{org_id}/api-keys", this::create);
        routes.get("/v1/organizations/{org_id}/api-keys", this::list);
        routes.delete("/v1/organizations/{org_id}/api-keys/{id}", this::delete);
    }

    private void create(Context ctx) {
        OrganizationId organization = organization(ctx);
        Optional<ObjectNode> body = Requests.optionalJsonObject(ctx);
        body.ifPresent(b -> Requests.rejectUnknownFields(b, Set.of("description")));
        ApiKeyService.Created created = keys.create(organization, body.flatMap(b -> Requests.optionalText(b, "description")));
        ObjectNode answer = Representations.apiKey(created.record());
        answer.put("key", created.key());
        ctx.status(201).header("Cache-Control", "no-store");
        Responses.json(ctx, answer);
    }

    private void list(Context ctx) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putArray("data").addAll(keys.list(organization(ctx)).stream().map(Representations::apiKey).toList());
        Responses.json(ctx, body);
    }

    private void delete(Context ctx) {
        keys.delete(organization(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static OrganizationId organization(Context ctx) {
        try {
            return new OrganizationId(ctx.pathParam("org_id"));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badParameter("org_id", e.getMessage());
        }
    }
}
