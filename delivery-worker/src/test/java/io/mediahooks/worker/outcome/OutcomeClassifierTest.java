package io.mediahooks.worker.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeClassifierTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void everyTwoHundredIsDelivered(int status) {
        assertThat(classify(status, null)).isEqualTo(new Outcome.Delivered(status));
    }

    @Test
    void goneIsPermanent() {
        assertThat(classify(410, null)).isEqualTo(new Outcome.PermanentFailure(410));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 400, 401, 403, 404, 408, 429, 500, 502, 503, 504})
    void everyOtherStatusIsRetriable(int status) {
        assertThat(classify(status, null)).isEqualTo(
                new Outcome.RetriableFailure(OptionalInt.of(status), Optional.empty(), Optional.empty()));
    }

    @Test
    void retryAfterCountsOnlyOn429And503() {
        assertThat(((Outcome.RetriableFailure) classify(429, "30")).retryAfter()).hasValue(Duration.ofSeconds(30));
        assertThat(((Outcome.RetriableFailure) classify(503, "Fri, 27 Nov 2026 10:02:00 GMT")).retryAfter())
                .hasValue(Duration.ofMinutes(2));
        assertThat(((Outcome.RetriableFailure) classify(500, "30")).retryAfter()).isEmpty();
    }

    @Test
    void noResponseIsRetriableWithAReason() {
        assertThat(OutcomeClassifier.classify(new SendResult.TimedOut(Duration.ofSeconds(15)), NOW))
                .isEqualTo(new Outcome.RetriableFailure(OptionalInt.empty(), Optional.of("no response within 15s"),
                        Optional.empty()));
        assertThat(OutcomeClassifier.classify(new SendResult.Failed("connection failed: refused"), NOW))
                .isEqualTo(new Outcome.RetriableFailure(OptionalInt.empty(), Optional.of("connection failed: refused"),
                        Optional.empty()));
        assertThat(OutcomeClassifier.classify(new SendResult.Refused("127.0.0.1 is a loopback address"), NOW))
                .isEqualTo(new Outcome.RetriableFailure(OptionalInt.empty(),
                        Optional.of("refused: 127.0.0.1 is a loopback address"), Optional.empty()));
    }

    private static Outcome classify(int status, String retryAfter) {
        return OutcomeClassifier.classify(new SendResult.Answered(status, Optional.ofNullable(retryAfter)), NOW);
    }
}
