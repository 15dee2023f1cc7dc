package io.mediahooks.worker.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ViewFreshnessTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

    private final ViewFreshness freshness = new ViewFreshness();

    @Test
    void isNotFreshUntilTheReaderCaughtUp() {
        assertThat(freshness.isFreshAsOf(T)).isFalse();
        freshness.caughtUpTo(T);
        assertThat(freshness.isFreshAsOf(T)).isTrue();
        assertThat(freshness.isFreshAsOf(T.plusMillis(1))).isFalse();
    }

    @Test
    void waitersCompleteOnceTheViewPassedTheirInstant() {
        CompletableFuture<Void> early = freshness.whenFreshAsOf(T);
        CompletableFuture<Void> late = freshness.whenFreshAsOf(T.plusSeconds(2));

        freshness.caughtUpTo(T.plusSeconds(1));
        assertThat(early).isCompleted();
        assertThat(late).isNotCompleted();

        freshness.caughtUpTo(T.plusSeconds(3));
        assertThat(late).isCompleted();
        assertThat(freshness.whenFreshAsOf(T)).isCompleted();
    }

    @Test
    void neverGoesBackInTime() {
        freshness.caughtUpTo(T.plusSeconds(5));
        freshness.caughtUpTo(T);
        assertThat(freshness.freshAsOf()).isEqualTo(T.plusSeconds(5));
    }
}
