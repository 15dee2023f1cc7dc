package io.mediahooks.worker.outcome;

import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides what follows an attempt: finish, retry on which topic and when, or dead-letter.
 *
 * <p>The wait after attempt {@code n} is the schedule's n-th delay, or longer when a 429/503
 * asked for it with {@code Retry-After} (capped, and never beyond the longest delay). The record
 * goes to the retry topic with the shortest delay that is at least the wait, so every record of a
 * retry topic is due no later than its topic's delay after it was written: a record asking for a
 * longer wait never sits at the head of a partition holding back records behind it.
 */
public final class RetryPlanner {

    private final RetrySchedule schedule;
    private final Duration retryAfterMax;
    private final List<Duration> topicDelays;

    public RetryPlanner(RetrySchedule schedule, Duration retryAfterMax) {
        this.schedule = schedule;
        this.retryAfterMax = retryAfterMax;
        this.topicDelays = schedule.distinctDelays();
    }

    /** The plan after attempt number {@code attempt} (from 1) came to {@code outcome} at {@code now}. */
    public Plan plan(int attempt, Outcome outcome, Instant now) {
        if (outcome instanceof Outcome.Delivered) {
            return new Plan.Finish(AttemptOutcome.DELIVERED);
        }
        if (outcome instanceof Outcome.Dropped) {
            return new Plan.Finish(AttemptOutcome.DROPPED);
        }
        if (outcome instanceof Outcome.PermanentFailure) {
            return new Plan.DeadLetter(Plan.DeadLetter.Reason.GONE);
        }
        Outcome.RetriableFailure failure = (Outcome.RetriableFailure) outcome;
        return schedule.delayAfter(attempt)
                .<Plan>map(delay -> retry(waitFor(delay, failure), now))
                .orElseGet(() -> new Plan.DeadLetter(Plan.DeadLetter.Reason.EXHAUSTED));
    }

    /**
     * Puts back a delivery that was not attempted (its endpoint is failing or stalled) until
     * {@code due}: the shortest retry topic whose delay covers the wait, no attempt counted.
     */
    public Plan.Retry deferral(Instant due, Instant now) {
        Duration wait = due.isAfter(now) ? Duration.between(now, due) : Duration.ZERO;
        return retry(wait, now);
    }

    private Duration waitFor(Duration scheduled, Outcome.RetriableFailure failure) {
        Duration longest = topicDelays.get(topicDelays.size() - 1);
        return failure.retryAfter()
                .map(asked -> min(min(asked, retryAfterMax), longest))
                .filter(asked -> asked.compareTo(scheduled) > 0)
                .orElse(scheduled);
    }

    private Plan.Retry retry(Duration wait, Instant now) {
        Duration topic = topicDelays.stream()
                .filter(delay -> delay.compareTo(wait) >= 0)
                .findFirst()
                .orElse(topicDelays.get(topicDelays.size() - 1));
        return new Plan.Retry(topic, now.plus(wait));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
