package io.mediahooks.cli.attempts;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.RfcTimestamp;
import java.time.temporal.ChronoUnit;

/** One attempt as one readable line, for {@code attempts tail} and the dead-letter listing. */
public final class AttemptLine {

    private AttemptLine() {
    }

    /**
     * {@code 2026-11-26T12:00:01Z retry_scheduled  wh_1 attempt 2 VIDEO_READY evt_7b1c0e -> 503 in 41 ms https://...},
     * with {@code (error: ...)} when there was no status.
     */
    public static String format(Attempt attempt) {
        StringBuilder line = new StringBuilder()
                .append(RfcTimestamp.of(attempt.attemptedAt().truncatedTo(ChronoUnit.SECONDS)).text()).append(' ')
                .append(String.format("%-16s", attempt.outcome().wireName()))
                .append(attempt.subscriptionId()).append(" attempt ").append(attempt.attempt()).append(' ')
                .append(attempt.eventType()).append(' ').append(attempt.eventId())
                .append(" -> ").append(attempt.status().isPresent() ? String.valueOf(attempt.status().getAsInt()) : "no response")
                .append(" in ").append(attempt.durationMs()).append(" ms ")
                .append(attempt.url());
        attempt.error().ifPresent(error -> line.append(" (").append(error).append(')'));
        return line.toString();
    }
}
