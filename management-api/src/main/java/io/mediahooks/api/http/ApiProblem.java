package io.mediahooks.api.http;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A request the API answers with an RFC 9457 problem: which kind (and so which status), what went
 * wrong, and the field at fault when there is one. Thrown anywhere below the handlers; turned into
 * {@code application/problem+json} in one place, {@link ProblemMapper}.
 */
public final class ApiProblem extends RuntimeException {

    /** The kinds of problem, each with its status and a stable type. */
    public enum Kind {
        MALFORMED(400, "malformed-request", "Malformed request"),
        UNAUTHORIZED(401, "unauthorized", "Missing or unknown credentials"),
        NOT_FOUND(404, "not-found", "Not found"),
        METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
        CONFLICT(409, "conflict", "Conflict with the current state"),
        PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
        TOO_LARGE(413, "payload-too-large", "Request body too large"),
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
        INVALID(422, "validation-error", "Validation failed"),
        RATE_LIMITED(429, "rate-limited", "Too many requests"),
        INTERNAL(500, "internal-error", "Internal error"),
        UNAVAILABLE(503, "unavailable", "Service unavailable");

        private final int status;
        private final String slug;
        private final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }

        public int status() {
            return status;
        }

        /** The problem type URI of RFC 9457, documented in the OpenAPI document. */
        public String type() {
            return "https://mediahooks.dev/problems/" + slug;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;
    private final Optional<String> field;
    private final OptionalLong retryAfterSeconds;

    private ApiProblem(Kind kind, String detail, Optional<String> field, OptionalLong retryAfterSeconds) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiProblem of(Kind kind, String detail) {
        return new ApiProblem(kind, detail, Optional.empty(), OptionalLong.empty());
    }

    public static ApiProblem malformed(String detail) {
        return of(Kind.MALFORMED, detail);
    }

    public static ApiProblem unauthorized(String detail) {
        return of(Kind.UNAUTHORIZED, detail);
    }

    public static ApiProblem notFound(String detail) {
        return of(Kind.NOT_FOUND, detail);
    }

    public static ApiProblem preconditionFailed(String detail) {
        return of(Kind.PRECONDITION_FAILED, detail);
    }

    public static ApiProblem unavailable(String detail) {
        return of(Kind.UNAVAILABLE, detail);
    }

    /** A 422 naming the field at fault ({@code events[1]}, {@code url}); empty for the body as a whole. */
    public static ApiProblem invalid(String field, String detail) {
        return new ApiProblem(Kind.INVALID, field.isEmpty() ? detail : field + ": " + detail,
                field.isEmpty() ? Optional.empty() : Optional.of(field), OptionalLong.empty());
    }

    /** A 400 for a query parameter or header that cannot be read, naming it. */
    public static ApiProblem badParameter(String parameter, String detail) {
        return new ApiProblem(Kind.MALFORMED, parameter + ": " + detail, Optional.of(parameter), OptionalLong.empty());
    }

    public static ApiProblem rateLimited(long retryAfterSeconds) {
        return new ApiProblem(Kind.RATE_LIMITED, "this API key made too many requests; retry after " + retryAfterSeconds + " s",
                Optional.empty(), OptionalLong.of(retryAfterSeconds));
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> field() {
        return field;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
