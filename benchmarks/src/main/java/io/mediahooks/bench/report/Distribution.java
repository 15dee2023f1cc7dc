package io.mediahooks.bench.report;

import java.util.Arrays;

/** Exact percentiles of a set of measurements (all values kept and sorted: runs are short). */
public final class Distribution {

    private final long[] sorted;

    public Distribution(long[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The value at {@code percentile} (0 to 100), nearest rank; 0 when empty. */
    public long percentile(double percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /**
     * The rate of a backlog of {@code expected} items whose arrival times (nanoseconds) these are,
     * between the arrival of the {@code from}-th and the {@code to}-th fraction of the expected
     * count: after warm-up, before the stragglers. When fewer arrived than the {@code to} mark,
     * the window ends at {@code gaveUpNanos} instead, so that a stalled run shows its stall.
     */
    public double backlogRate(long expected, double from, double to, long gaveUpNanos) {
        return rateBetween((long) (expected * from), Math.min(expected - 1, (long) (expected * to)), gaveUpNanos);
    }

    /**
     * The rate between the arrival of the {@code first}-th and the {@code last}-th item (both
     * counted from 0); when fewer arrived, up to {@code gaveUpNanos}, as {@link #backlogRate} does.
     */
    public double rateBetween(long firstItem, long lastItem, long gaveUpNanos) {
        int first = (int) firstItem;
        int last = (int) lastItem;
        if (sorted.length <= first) {
            // Stalled before the window opened: the rate since the first arrival, up to giving up.
            double seconds = sorted.length == 0 ? 0 : (gaveUpNanos - sorted[0]) / 1e9;
            return seconds <= 0 ? 0 : sorted.length / seconds;
        }
        long end = sorted.length > last ? sorted[last] : gaveUpNanos;
        int counted = (sorted.length > last ? last : sorted.length - 1) - first;
        double seconds = (end - sorted[first]) / 1e9;
        return seconds <= 0 ? 0 : counted / seconds;
    }
}
