package io.mediahooks.model.retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long to wait after each failed attempt: with {@code 5s,5m,30m} a delivery is tried at most
 * four times, the second try 5 s after the first fails, and so on; after the last it is dead-lettered.
 */
public record RetrySchedule(List<Duration> delays) {

    /** SPEC's default: 8 attempts over about 27 hours. */
    public static final String DEFAULT = "5s,5m,30m,2h,5h,10h,10h";

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay");
        }
        for (Duration delay : delays) {
            if (delay.isZero() || delay.isNegative()) {
                throw new IllegalArgumentException("retry delays must be positive, not " + delay);
            }
        }
    }

    public static RetrySchedule defaults() {
        return parse(DEFAULT);
    }

    /**
     * Parses a comma-separated list of delays such as {@code 5s,5m,30m,2h}.
     *
     * @throws IllegalArgumentException naming the position and text of the first bad delay
     */
    public static RetrySchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a retry schedule needs at least one delay, e.g. 5s,5m,30m");
        }
        String[] parts = text.split(",", -1);
        List<Duration> delays = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            try {
                delays.add(Durations.parse(parts[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("delay " + (i + 1) + " of '" + text + "': " + e.getMessage(), e);
            }
        }
        return new RetrySchedule(delays);
    }

    /** How many attempts a delivery gets in all: the first plus one per delay. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after attempt {@code attempt} (counting from 1) failed; empty when it was the last. */
    public Optional<Duration> delayAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        return attempt <= delays.size() ? Optional.of(delays.get(attempt - 1)) : Optional.empty();
    }

    /** Each delay once, shortest first: one retry topic per entry. */
    public List<Duration> distinctDelays() {
        return delays.stream().distinct().sorted().toList();
    }

    /** The suffix of the retry topic for {@code delay}: {@code 5s}, {@code 30m}, {@code 10h}. */
    public static String label(Duration delay) {
        return Durations.format(delay);
    }

    @Override
    public String toString() {
        return String.join(",", delays.stream().map(Durations::format).toList());
    }
}
