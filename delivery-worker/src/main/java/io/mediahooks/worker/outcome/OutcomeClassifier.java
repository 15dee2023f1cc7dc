package io.mediahooks.worker.outcome;

import io.mediahooks.model.retry.Durations;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Sorts what happened on the wire into the outcome types: pure, so every rule is unit-tested. */
public final class OutcomeClassifier {

    private static final int GONE = 410;
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVICE_UNAVAILABLE = 503;

    private OutcomeClassifier() {
    }

    public static Outcome classify(SendResult result, Instant now) {
        // Java 17 has no pattern switch; the sealed interface keeps this chain exhaustive in review.
        if (result instanceof SendResult.Answered answered) {
            return classifyStatus(answered, now);
        }
        if (result instanceof SendResult.TimedOut timedOut) {
            return retriable("no response within " + Durations.format(timedOut.after()));
        }
        if (result instanceof SendResult.Refused refused) {
            return retriable("refused: " + refused.reason());
        }
        return retriable(((SendResult.Failed) result).error());
    }

    private static Outcome classifyStatus(SendResult.Answered answered, Instant now) {
        int status = answered.status();
        if (status >= 200 && status < 300) {
            return new Outcome.Delivered(status);
        }
        if (status == GONE) {
            return new Outcome.PermanentFailure(status);
        }
        boolean mayAskToWait = status == TOO_MANY_REQUESTS || status == SERVICE_UNAVAILABLE;
        return new Outcome.RetriableFailure(OptionalInt.of(status), Optional.empty(),
                mayAskToWait ? answered.retryAfter().flatMap(header -> RetryAfter.parse(header, now)) : Optional.empty());
    }

    private static Outcome retriable(String error) {
        return new Outcome.RetriableFailure(OptionalInt.empty(), Optional.of(error), Optional.empty());
    }
}
