package io.mediahooks.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.retry.Durations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reading requests strictly: bodies (size, media type, JSON, known fields) and query parameters. */
public final class Requests {

    /** The largest request body accepted; larger ones get 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private Requests() {
    }

    /** The body as a JSON object; 413, 415 or 400 when it is too large, not JSON by media type, or malformed. */
    public static ObjectNode jsonObject(Context ctx, String... mediaTypes) {
        return optionalJsonObject(ctx, mediaTypes).orElseThrow(() -> ApiProblem.malformed("a JSON object body is required"));
    }

    /** The body as a JSON object, or empty when the request has no body at all. */
    public static Optional<ObjectNode> optionalJsonObject(Context ctx, String... mediaTypes) {
        long declared = ctx.contentLength();
        if (declared > MAX_BODY_BYTES) {
            throw ApiProblem.of(ApiProblem.Kind.TOO_LARGE, "the body is " + declared + " bytes; at most " + MAX_BODY_BYTES
                    + " are accepted");
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw ApiProblem.of(ApiProblem.Kind.TOO_LARGE, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        if (body.length == 0) {
            return Optional.empty();
        }
        requireMediaType(ctx, mediaTypes.length == 0 ? new String[] {"application/json"} : mediaTypes);
        try {
            return Optional.of(Json.parseObject(body));
        } catch (InvalidRecordException e) {
            throw ApiProblem.malformed("the body is " + e.getMessage());
        }
    }

    private static void requireMediaType(Context ctx, String... accepted) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (String candidate : accepted) {
            if (candidate.equals(type)) {
                return;
            }
        }
        throw ApiProblem.of(ApiProblem.Kind.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + String.join(" or ", accepted)
                + (type.isEmpty() ? "; none was given" : ", not " + type));
    }

    /** 422 naming every field of {@code body} that is not in {@code known}. */
    public static void rejectUnknownFields(ObjectNode body, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalid(unknown.get(0), "unknown field" + (unknown.size() == 1 ? "" : "s") + " "
                    + String.join(", ", unknown) + "; expected only " + String.join(", ", known.stream().sorted().toList()));
        }
    }

    /** An optional string field of a body, 422 naming it when it is not a string. */
    public static Optional<String> optionalText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiProblem.invalid(field, "expected a string");
        }
        return Optional.of(value.textValue());
    }

    /** {@code limit}: default 50, at most 250. */
    public static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit < 1 || limit > 250) {
                throw ApiProblem.badParameter("limit", "expected 1 to 250, got " + limit);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter("limit", "expected a whole number, got '" + abbreviate(text) + "'");
        }
    }

    /** A time parameter: an RFC 3339 timestamp, or a duration back from now ({@code 24h}, {@code 30m}). */
    public static Optional<Instant> time(Context ctx, String parameter, Instant now) {
        String text = ctx.queryParam(parameter);
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parseTime(parameter, text.trim(), now, false));
    }

    /** The same rule for a body field: 422 naming it. */
    public static Instant parseTime(String field, String text, Instant now, boolean inBody) {
        try {
            return RfcTimestamp.parse(text).instant();
        } catch (IllegalArgumentException notTimestamp) {
            try {
                return now.minus(Durations.parse(text));
            } catch (IllegalArgumentException notDuration) {
                String detail = "expected an RFC 3339 timestamp or a duration such as 24h, got '" + abbreviate(text) + "'";
                throw inBody ? ApiProblem.invalid(field, detail) : ApiProblem.badParameter(field, detail);
            }
        }
    }

    public static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() <= 64 ? line : line.substring(0, 61) + "...";
    }
}
