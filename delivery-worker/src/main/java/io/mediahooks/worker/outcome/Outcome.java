package io.mediahooks.worker.outcome;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** What one attempt came to, sorted by what must happen next (SPEC.md, "Retries and dead letters"). */
public sealed interface Outcome {

    /** The endpoint answered 2xx: done. */
    record Delivered(int status) implements Outcome {
    }

    /**
     * Worth trying again on the schedule: 3xx, 4xx but 410, 5xx, timeout, connection or TLS error,
     * refused address. {@code retryAfter} is how long the endpoint asked us to wait (429 and 503).
     */
    record RetriableFailure(OptionalInt status, Optional<String> error, Optional<Duration> retryAfter) implements Outcome {
        public RetriableFailure {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The endpoint said it is gone for good (410): dead-lettered at once. */
    record PermanentFailure(int status) implements Outcome {
    }

    /** Nothing was sent: the webhook was deleted or disabled, or its organization has no live secret. */
    record Dropped(DropReason reason) implements Outcome {
        public Dropped {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
