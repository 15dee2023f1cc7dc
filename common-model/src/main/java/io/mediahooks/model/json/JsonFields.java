package io.mediahooks.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.RfcTimestamp;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Reads the fields of one JSON object strictly; every error names the field by its path
 * ({@code conditions[0].name}) so the reason can travel in an {@code error} header.
 */
final class JsonFields {

    private final ObjectNode node;
    private final String prefix;

    private JsonFields(ObjectNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static JsonFields of(ObjectNode node) {
        return new JsonFields(node, "");
    }

    /** The fields of the object at {@code path} (an array element, say). */
    static JsonFields at(JsonNode element, String path) {
        if (!element.isObject()) {
            throw new InvalidRecordException(path, "expected an object, got " + kind(element));
        }
        return new JsonFields((ObjectNode) element, path + ".");
    }

    String path(String field) {
        return prefix + field;
    }

    /** Whether the object has {@code field} with a value other than null. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    String requireText(String field) {
        JsonNode value = require(field);
        if (!value.isTextual()) {
            throw new InvalidRecordException(path(field), "expected a string, got " + kind(value));
        }
        if (value.textValue().isBlank()) {
            throw new InvalidRecordException(path(field), "must not be blank");
        }
        return value.textValue();
    }

    Optional<String> optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidRecordException(path(field), "expected a string, got " + kind(value));
        }
        return Optional.of(value.textValue());
    }

    boolean optionalBoolean(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InvalidRecordException(path(field), "expected true or false, got " + kind(value));
        }
        return value.booleanValue();
    }

    int requireInt(String field) {
        JsonNode value = require(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidRecordException(path(field), "expected an integer, got " + kind(value));
        }
        return value.intValue();
    }

    long requireLong(String field) {
        JsonNode value = require(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidRecordException(path(field), "expected an integer, got " + kind(value));
        }
        return value.longValue();
    }

    Optional<Integer> optionalInt(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(requireInt(field));
    }

    OptionalLong optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(requireLong(field));
    }

    ObjectNode requireObject(String field) {
        JsonNode value = require(field);
        if (!value.isObject()) {
            throw new InvalidRecordException(path(field), "expected an object, got " + kind(value));
        }
        return (ObjectNode) value;
    }

    Optional<ObjectNode> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(requireObject(field));
    }

    ArrayNode requireArray(String field) {
        JsonNode value = require(field);
        if (!value.isArray()) {
            throw new InvalidRecordException(path(field), "expected an array, got " + kind(value));
        }
        return (ArrayNode) value;
    }

    Optional<ArrayNode> optionalArray(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(requireArray(field));
    }

    RfcTimestamp requireTimestamp(String field) {
        return parseTimestamp(field, requireText(field));
    }

    Optional<RfcTimestamp> optionalTimestamp(String field) {
        return optionalText(field).map(text -> parseTimestamp(field, text));
    }

    /** Builds a typed value from a required string, turning the constructor's complaint into a field error. */
    <T> T requireTyped(String field, Function<String, T> factory) {
        return typed(path(field), requireText(field), factory);
    }

    static <T> T typed(String path, String text, Function<String, T> factory) {
        try {
            return factory.apply(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(path, e.getMessage(), e);
        }
    }

    private RfcTimestamp parseTimestamp(String field, String text) {
        try {
            return RfcTimestamp.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(path(field), "expected an RFC 3339 timestamp, got \"" + abbreviate(text) + "\"");
        }
    }

    private JsonNode require(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidRecordException(path(field), "required field is missing");
        }
        return value;
    }

    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }

    /** Echoes bad input in an error without letting a huge value flood a header or a log line. */
    static String abbreviate(String text) {
        String oneLine = Json.oneLine(text);
        return oneLine.length() <= 64 ? oneLine : oneLine.substring(0, 61) + "...";
    }
}
