package io.mediahooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mediahooks.api.resources.DocsResource;
import io.mediahooks.model.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The schemas of the OpenAPI document, for validating responses with a JSON Schema library
 * (OpenAPI 3.1 schemas are JSON Schema 2020-12).
 */
public final class OpenApiSchemas {

    private static final ObjectNode DOCUMENT = Json.parseObject(DocsResource.openapiDocument().getBytes(StandardCharsets.UTF_8));

    private OpenApiSchemas() {
    }

    public static ObjectNode document() {
        return DOCUMENT.deepCopy();
    }

    /** The validation errors of {@code value} against {@code components/schemas/<name>}; empty when valid. */
    public static Set<ValidationMessage> validate(String name, JsonNode value) {
        String text = Json.writeString(DOCUMENT.get("components").get("schemas")).replace("#/components/schemas/", "#/$defs/");
        ObjectNode schema = Json.MAPPER.createObjectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("$defs", Json.parseObject(text.getBytes(StandardCharsets.UTF_8)));
        schema.put("$ref", "#/$defs/" + name);
        if (!DOCUMENT.get("components").get("schemas").has(name)) {
            throw new IllegalArgumentException("no schema " + name + " in openapi.json");
        }
        JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
        return compiled.validate(value);
    }
}
