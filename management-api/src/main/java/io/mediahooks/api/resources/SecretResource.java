package io.mediahooks.api.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.http.Representations;
import io.mediahooks.api.http.Responses;
import io.mediahooks.api.http.Requests;
import io.mediahooks.api.secrets.SecretService;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.retry.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/secret}: whether the organization has a signing secret, generating and rotating it. */
public final class SecretResource {

    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

    private final SecretService secrets;

    public SecretResource(SecretService secrets) {
        this.secrets = secrets;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/secret", this::get);
        routes.post("/v1/secret", this::generate);
        routes.post("/v1/secret/rotate", this::rotate);
    }

    private void get(Context ctx) {
        List<SecretService.SecretInfo> live = secrets.live(Principals.organization(ctx));
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("configured", !live.isEmpty());
        body.putArray("secrets").addAll(live.stream().map(Representations::secret).toList());
        Responses.json(ctx, body);
    }

    private void generate(Context ctx) {
        Requests.optionalJsonObject(ctx).ifPresent(body -> Requests.rejectUnknownFields(body, Set.of()));
        respond(ctx, secrets.generate(Principals.organization(ctx)));
    }

    private void rotate(Context ctx) {
        Optional<ObjectNode> body = Requests.optionalJsonObject(ctx);
        body.ifPresent(b -> Requests.rejectUnknownFields(b, Set.of("overlap")));
        Duration overlap = body.flatMap(b -> Requests.optionalText(b, "overlap")).map(SecretResource::overlap).orElse(DEFAULT_OVERLAP);
        respond(ctx, secrets.rotate(Principals.organization(ctx), overlap));
    }

    private static Duration overlap(String text) {
        Duration overlap;
        try {
            overlap = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("overlap", "expected a duration such as 24h or 30m, got '" + Requests.abbreviate(text) + "'");
        }
        if (overlap.isNegative() || overlap.compareTo(SecretService.MAX_OVERLAP) > 0) {
            throw ApiProblem.invalid("overlap", "must be from 0s to " + SecretService.MAX_OVERLAP.toDays() + "d");
        }
        return overlap;
    }

    private static void respond(Context ctx, SecretService.Generated generated) {
        ObjectNode body = Representations.secret(generated.info());
        body.put("value", generated.value());
        ctx.status(201).header("Cache-Control", "no-store");
        Responses.json(ctx, body);
    }
}
