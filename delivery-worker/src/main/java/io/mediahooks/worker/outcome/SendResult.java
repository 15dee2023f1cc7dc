package io.mediahooks.worker.outcome;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What happened on the wire when one attempt was sent: a response, or the typed reason there was none. */
public sealed interface SendResult {

    /** A few words on what happened, for logs and operational events. */
    default String summary() {
        if (this instanceof Answered answered) {
            return "HTTP " + answered.status();
        }
        if (this instanceof TimedOut timedOut) {
            return "timed out after " + timedOut.after().toMillis() + " ms";
        }
        if (this instanceof Refused refused) {
            return "refused: " + refused.reason();
        }
        return ((Failed) this).error();
    }

    /**
     * The endpoint answered; {@code retryAfter} is the raw {@code Retry-After} header, if any, and
     * {@code body} the first bytes of the response body as text, when it had one.
     */
    record Answered(int status, Optional<String> retryAfter, Optional<String> body) implements SendResult {
        public Answered {
            if (status < 100 || status > 999) {
                throw new IllegalArgumentException("not an HTTP status: " + status);
            }
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(body, "body");
        }

        public Answered(int status, Optional<String> retryAfter) {
            this(status, retryAfter, Optional.empty());
        }
    }

    /** No response within the request timeout. */
    record TimedOut(Duration after) implements SendResult {
        public TimedOut {
            Objects.requireNonNull(after, "after");
        }
    }

    /** Not sent: the URL's scheme or an address it resolved to is forbidden by the safety policy. */
    record Refused(String reason) implements SendResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The connection could not be made or broke: DNS, TCP, TLS or protocol error. */
    record Failed(String error) implements SendResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }
    }
}
