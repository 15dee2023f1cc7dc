package io.mediahooks.api.deliveries;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Statistics of one webhook's attempts in a window, accumulated one attempt at a time: counts by
 * outcome, latency percentiles, last success and failure, deliveries per hour and a health verdict.
 */
public final class DeliveryStats {

    /** Latencies kept for the percentiles; beyond it the percentiles come from the newest ones. */
    static final int MAX_SAMPLES = 200_000;

    /** Delivered and failed attempts in one hour. */
    public record Hour(Instant start, int delivered, int failed) {
    }

    private final Map<AttemptOutcome, Integer> counts = new EnumMap<>(AttemptOutcome.class);
    private final TreeMap<Instant, int[]> hours = new TreeMap<>();
    private long[] latencies = new long[1024];
    private int samples;
    private Instant lastSuccess;
    private Instant lastFailure;
    private AttemptOutcome newest;
    private Instant newestAt;

    public void add(Attempt attempt) {
        counts.merge(attempt.outcome(), 1, Integer::sum);
        if (newestAt == null || attempt.attemptedAt().isAfter(newestAt)) {
            newestAt = attempt.attemptedAt();
            newest = attempt.outcome();
        }
        int[] hour = hours.computeIfAbsent(attempt.attemptedAt().truncatedTo(ChronoUnit.HOURS), h -> new int[2]);
        if (attempt.outcome() == AttemptOutcome.DELIVERED) {
            hour[0]++;
            lastSuccess = max(lastSuccess, attempt.attemptedAt());
        } else if (attempt.outcome() != AttemptOutcome.DROPPED) {
            hour[1]++;
            lastFailure = max(lastFailure, attempt.attemptedAt());
        }
        if (attempt.outcome() != AttemptOutcome.DROPPED && samples < MAX_SAMPLES) {
            if (samples == latencies.length) {
                latencies = Arrays.copyOf(latencies, Math.min(MAX_SAMPLES, latencies.length * 2));
            }
            latencies[samples++] = attempt.durationMs();
        }
    }

    public int count(AttemptOutcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The nearest-rank percentile of the latencies, in ms; empty without any. */
    public Optional<Long> percentile(double p) {
        if (samples == 0) {
            return Optional.empty();
        }
        long[] sorted = Arrays.copyOf(latencies, samples);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * samples);
        return Optional.of(sorted[Math.max(0, Math.min(samples - 1, rank - 1))]);
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    public Optional<Instant> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** disabled when the webhook is off; failing when its newest attempt failed; healthy otherwise. */
    public String health(boolean enabled) {
        if (!enabled) {
            return "disabled";
        }
        return newest == AttemptOutcome.RETRY_SCHEDULED || newest == AttemptOutcome.DEAD_LETTERED ? "failing" : "healthy";
    }

    public java.util.List<Hour> hourly() {
        return hours.entrySet().stream().map(e -> new Hour(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
