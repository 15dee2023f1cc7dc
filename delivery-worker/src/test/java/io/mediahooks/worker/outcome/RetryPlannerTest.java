package io.mediahooks.worker.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RetryPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Outcome FAILED = new Outcome.RetriableFailure(OptionalInt.of(500), Optional.empty(), Optional.empty());

    private final RetryPlanner planner = new RetryPlanner(RetrySchedule.defaults(), Duration.ofHours(1));

    @Test
    void followsTheScheduleOneTopicPerDelay() {
        assertThat(planner.plan(1, FAILED, NOW)).isEqualTo(new Plan.Retry(Duration.ofSeconds(5), NOW.plusSeconds(5)));
        assertThat(planner.plan(2, FAILED, NOW)).isEqualTo(new Plan.Retry(Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(5))));
        assertThat(planner.plan(7, FAILED, NOW)).isEqualTo(new Plan.Retry(Duration.ofHours(10), NOW.plus(Duration.ofHours(10))));
    }

    @Test
    void deadLettersAfterTheLastAttempt() {
        assertThat(RetrySchedule.defaults().maxAttempts()).isEqualTo(8);
        assertThat(planner.plan(8, FAILED, NOW)).isEqualTo(new Plan.DeadLetter(Plan.DeadLetter.Reason.EXHAUSTED));
    }

    @Test
    void goneIsDeadLetteredAtOnce() {
        assertThat(planner.plan(1, new Outcome.PermanentFailure(410), NOW))
                .isEqualTo(new Plan.DeadLetter(Plan.DeadLetter.Reason.GONE));
    }

    @Test
    void deliveredAndDroppedFinish() {
        assertThat(planner.plan(3, new Outcome.Delivered(204), NOW).attemptOutcome()).isEqualTo(AttemptOutcome.DELIVERED);
        assertThat(planner.plan(1, new Outcome.Dropped(DropReason.WEBHOOK_DELETED), NOW).attemptOutcome())
                .isEqualTo(AttemptOutcome.DROPPED);
    }

    @Test
    void retryAfterLongerThanTheScheduleMovesToALongerTopic() {
        Plan plan = planner.plan(1, asked(Duration.ofSeconds(90)), NOW);
        // Waits 90 s as asked, on the 5m topic: it never holds up records of the 5s topic.
        assertThat(plan).isEqualTo(new Plan.Retry(Duration.ofMinutes(5), NOW.plusSeconds(90)));
    }

    @Test
    void retryAfterShorterThanTheScheduleNeverRetriesSooner() {
        assertThat(planner.plan(2, asked(Duration.ofSeconds(1)), NOW))
                .isEqualTo(new Plan.Retry(Duration.ofMinutes(5), NOW.plus(Duration.ofMinutes(5))));
    }

    @Test
    void retryAfterIsCapped() {
        Plan plan = planner.plan(1, asked(Duration.ofDays(3)), NOW);
        assertThat(plan).isEqualTo(new Plan.Retry(Duration.ofHours(2), NOW.plus(Duration.ofHours(1))));
    }

    @Test
    void retryAfterNeverGoesBeyondTheLongestDelay() {
        RetryPlanner shortSchedule = new RetryPlanner(RetrySchedule.parse("1s,4s"), Duration.ofHours(1));
        assertThat(shortSchedule.plan(1, asked(Duration.ofMinutes(10)), NOW))
                .isEqualTo(new Plan.Retry(Duration.ofSeconds(4), NOW.plusSeconds(4)));
    }

    @Test
    void aDeferralGoesToTheShortestTopicCoveringItsWait() {
        assertThat(planner.deferral(NOW.plusSeconds(3), NOW)).isEqualTo(new Plan.Retry(Duration.ofSeconds(5), NOW.plusSeconds(3)));
        assertThat(planner.deferral(NOW.plusSeconds(80), NOW))
                .as("a longer open circuit waits on a longer topic, not cycling on the shortest")
                .isEqualTo(new Plan.Retry(Duration.ofMinutes(5), NOW.plusSeconds(80)));
    }

    private static Outcome asked(Duration wait) {
        return new Outcome.RetriableFailure(OptionalInt.of(429), Optional.empty(), Optional.of(wait));
    }
}
