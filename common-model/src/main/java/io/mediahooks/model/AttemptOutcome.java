package io.mediahooks.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What became of one delivery attempt, as written in {@code outcome} of {@code webhook-attempts}. */
public enum AttemptOutcome {
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** The attempt failed and the delivery waits on a retry topic. */
    RETRY_SCHEDULED,
    /** The attempt failed for good (410, or the last attempt): the delivery went to the dead letters. */
    DEAD_LETTERED,
    /** The subscription was deleted or disabled, or its organization has no live secret: nothing sent. */
    DROPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AttemptOutcome> fromWireName(String name) {
        return Arrays.stream(values()).filter(outcome -> outcome.wireName().equals(name)).findFirst();
    }
}
