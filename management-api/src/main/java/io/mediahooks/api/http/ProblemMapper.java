package io.mediahooks.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every error of every route is an RFC 9457
 * {@code application/problem+json} document with {@code type}, {@code title}, {@code status},
 * {@code detail}, {@code instance} and, when one field is at fault, {@code field}.
 */
public final class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    public static void handle(ApiProblem problem, Context ctx) {
        problem.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", String.valueOf(seconds)));
        write(ctx, problem.kind(), problem.getMessage(), problem.field().orElse(null));
    }

    /** A record the common-model codec refused: a 422 naming the field, as the codec does. */
    public static void handle(InvalidRecordException e, Context ctx) {
        write(ctx, ApiProblem.Kind.INVALID, e.getMessage(), e.field().isEmpty() ? null : e.field());
    }

    /** Javalin's own answers (no such route, wrong method, body over the limit). */
    public static void handle(HttpResponseException e, Context ctx) {
        ApiProblem.Kind kind = switch (e.getStatus()) {
            case 404 -> ApiProblem.Kind.NOT_FOUND;
            case 405 -> ApiProblem.Kind.METHOD_NOT_ALLOWED;
            case 413 -> ApiProblem.Kind.TOO_LARGE;
            case 415 -> ApiProblem.Kind.UNSUPPORTED_MEDIA_TYPE;
            case 400 -> ApiProblem.Kind.MALFORMED;
            default -> e.getStatus() >= 500 ? ApiProblem.Kind.INTERNAL : ApiProblem.Kind.MALFORMED;
        };
        write(ctx, kind, e.getMessage(), null);
    }

    public static void handleUnexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        write(ctx, ApiProblem.Kind.INTERNAL, "the request failed on the server; it has been logged", null);
    }

    /** For a status set without an exception (an unmatched route): the same problem shape. */
    public static void ensureProblem(Context ctx) {
        String type = ctx.res().getContentType();
        if (type != null && type.startsWith(PROBLEM_JSON)) {
            return;
        }
        ApiProblem.Kind kind = ctx.statusCode() == 405 ? ApiProblem.Kind.METHOD_NOT_ALLOWED : ApiProblem.Kind.NOT_FOUND;
        write(ctx, kind, kind == ApiProblem.Kind.NOT_FOUND ? "no such resource: " + ctx.path()
                : ctx.method() + " is not allowed on " + ctx.path(), null);
    }

    private static void write(Context ctx, ApiProblem.Kind kind, String detail, String field) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", detail == null || detail.isBlank() ? kind.title() : detail);
        body.put("instance", ctx.path());
        if (field != null) {
            body.put("field", field);
        }
        ctx.status(kind.status());
        ctx.contentType(PROBLEM_JSON);
        ctx.result(Json.writeString(body));
    }
}
