package io.mediahooks.worker.outcome;

import io.mediahooks.model.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What happens to a delivery after an attempt: the record(s) to publish besides the attempt log. */
public sealed interface Plan {

    /** The {@code outcome} written to {@code webhook-attempts}. */
    AttemptOutcome attemptOutcome();

    /** Nothing more to publish: delivered, or dropped. */
    record Finish(AttemptOutcome attemptOutcome) implements Plan {
        public Finish {
            if (attemptOutcome != AttemptOutcome.DELIVERED && attemptOutcome != AttemptOutcome.DROPPED) {
                throw new IllegalArgumentException("only delivered and dropped finish a delivery, not " + attemptOutcome);
            }
        }
    }

    /** Publish to the retry topic of {@code topicDelay}, due at {@code due}. */
    record Retry(Duration topicDelay, Instant due) implements Plan {
        public Retry {
            Objects.requireNonNull(topicDelay, "topicDelay");
            Objects.requireNonNull(due, "due");
        }

        @Override
        public AttemptOutcome attemptOutcome() {
            return AttemptOutcome.RETRY_SCHEDULED;
        }
    }

    /** Publish to the dead letters. */
    record DeadLetter(Reason reason) implements Plan {
        public DeadLetter {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public AttemptOutcome attemptOutcome() {
            return AttemptOutcome.DEAD_LETTERED;
        }

        /** Why a delivery was dead-lettered; also a metric tag. */
        public enum Reason { GONE, EXHAUSTED }
    }
}
