package io.mediahooks.worker.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void readsDelaySeconds() {
        assertThat(RetryAfter.parse("120", NOW)).hasValue(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).hasValue(Duration.ZERO);
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 11:00:00 GMT", NOW)).hasValue(Duration.ofHours(1));
    }

    @Test
    void aDateInThePastMeansNoWait() {
        assertThat(RetryAfter.parse("Fri, 27 Nov 2026 09:00:00 GMT", NOW)).hasValue(Duration.ZERO);
    }

    @Test
    void clampsHugeNumbersInsteadOfOverflowing() {
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofDays(365)));
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
    }
}
