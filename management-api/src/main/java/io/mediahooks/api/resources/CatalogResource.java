package io.mediahooks.api.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.mediahooks.api.deliveries.EventCatalog;
import io.mediahooks.api.http.Responses;
import io.mediahooks.model.EventType;
import io.mediahooks.model.json.Json;

/** {@code GET /v1/event-types}: every event type with its group, a description and an example payload. */
public final class CatalogResource {

    public void register(RoutesConfig routes) {
        routes.get("/v1/event-types", this::list);
    }

    private void list(Context ctx) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (EventType type : EventType.values()) {
            data.addObject()
                    .put("name", type.name())
                    .put("group", EventCatalog.group(type))
                    .put("description", EventCatalog.description(type))
                    .set("example", EventCatalog.examplePayload(type));
        }
        Responses.json(ctx, body);
    }
}
