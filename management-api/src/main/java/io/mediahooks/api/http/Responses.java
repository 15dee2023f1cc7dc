package io.mediahooks.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.mediahooks.model.json.Json;

/** Writes JSON responses with the project's one JSON configuration. */
public final class Responses {

    private Responses() {
    }

    public static void json(Context ctx, JsonNode body) {
        ctx.contentType("application/json").result(Json.writeString(body));
    }
}
