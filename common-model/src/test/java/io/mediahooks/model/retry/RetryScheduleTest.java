package io.mediahooks.model.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void defaultScheduleGivesEightAttemptsOverAboutTwentySevenHours() {
        RetrySchedule schedule = RetrySchedule.defaults();
        assertThat(schedule.maxAttempts()).isEqualTo(8);
        Duration total = schedule.delays().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isEqualTo(Duration.ofHours(27).plusMinutes(35).plusSeconds(5));
    }

    @Test
    void delayAfterEachAttemptFollowsTheScheduleThenEnds() {
        RetrySchedule schedule = RetrySchedule.parse("5s,5m,30m");
        assertThat(schedule.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(schedule.delayAfter(3)).contains(Duration.ofMinutes(30));
        assertThat(schedule.delayAfter(4)).isEmpty();
        assertThatThrownBy(() -> schedule.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repeatedDelaysShareOneRetryTopic() {
        RetrySchedule schedule = RetrySchedule.parse("10h,5s,10h,300s");
        assertThat(schedule.distinctDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofHours(10));
        assertThat(schedule.distinctDelays().stream().map(RetrySchedule::label)).containsExactly("5s", "5m", "10h");
    }

    @Test
    void labelsReadBackToTheSameDuration() {
        for (String text : new String[] {"250ms", "5s", "90s", "5m", "2h", "36h", "1d"}) {
            Duration parsed = Durations.parse(text);
            assertThat(Durations.parse(Durations.format(parsed))).isEqualTo(parsed);
        }
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("36h");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    }

    @Test
    void badScheduleNamesThePositionAndText() {
        assertThatThrownBy(() -> RetrySchedule.parse("5s,5x,30m"))
                .hasMessageContaining("delay 2")
                .hasMessageContaining("'5x' is not a duration");
        assertThatThrownBy(() -> RetrySchedule.parse("5s,,30m")).hasMessageContaining("delay 2");
        assertThatThrownBy(() -> RetrySchedule.parse("0s")).hasMessageContaining("greater than zero");
        assertThatThrownBy(() -> RetrySchedule.parse("")).hasMessageContaining("at least one delay");
        assertThatThrownBy(() -> RetrySchedule.parse("-5s")).hasMessageContaining("'-5s' is not a duration");
    }

    @Test
    void scheduleToleratesSpacesAroundDelays() {
        assertThat(RetrySchedule.parse(" 5s , 5m ").delays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5));
    }
}
