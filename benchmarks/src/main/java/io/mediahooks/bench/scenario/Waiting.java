package io.mediahooks.bench.scenario;

import io.mediahooks.bench.cluster.Pause;
import io.mediahooks.bench.report.Progress;
import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Waits for a count (deliveries seen) to reach a target, printing progress every few seconds,
 * and gives up after a time limit, or when the count stops moving once it started, so that every
 * run ends by itself.
 */
final class Waiting {

    private static final long POLL_MILLIS = 50;
    private static final long REPORT_EVERY_NANOS = 3_000_000_000L;

    private Waiting() {
    }

    /**
     * @param onEachPoll called with the count at every poll (to open and close measurement windows)
     * @return true when the target was reached
     */
    static boolean untilCount(String what, LongSupplier count, long target, Duration limit, Duration stall,
                              LongConsumer onEachPoll) {
        long started = System.nanoTime();
        long lastReport = started;
        long lastCountAtReport = count.getAsLong();
        long lastChange = started;
        long lastCount = lastCountAtReport;
        boolean moved = false;
        while (true) {
            long now = System.nanoTime();
            long current = count.getAsLong();
            onEachPoll.accept(current);
            if (current >= target) {
                return true;
            }
            if (current != lastCount) {
                lastCount = current;
                lastChange = now;
                moved = true;
            }
            if (now - started > limit.toNanos() || (moved && now - lastChange > stall.toNanos())) {
                Progress.say("%s: gave up at %,d of %,d after %ds", what, current, target, (now - started) / 1_000_000_000L);
                return false;
            }
            if (now - lastReport > REPORT_EVERY_NANOS) {
                double rate = (current - lastCountAtReport) / ((now - lastReport) / 1e9);
                Progress.say("%s: %,d of %,d (%,.0f/s)", what, current, target, rate);
                lastReport = now;
                lastCountAtReport = current;
            }
            Pause.millis(POLL_MILLIS);
        }
    }

    static boolean untilCount(String what, LongSupplier count, long target, Duration limit, Duration stall) {
        return untilCount(what, count, target, limit, stall, current -> { });
    }
}
