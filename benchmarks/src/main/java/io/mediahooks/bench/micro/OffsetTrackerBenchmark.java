package io.mediahooks.bench.micro;

import io.mediahooks.worker.offsets.OffsetTracker;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the poll thread's offset bookkeeping costs per delivery: one record handed out and one
 * settled, on one partition with {@value #IN_FLIGHT} in flight. {@code flowing}: every record
 * completes in turn, so the ledger stays small. {@code stuckHead}: one record in every
 * {@value #STUCK_EVERY} stays pending for {@value #STUCK_EVERY} more (a request to a hanging
 * endpoint waiting out its timeout), so the ledger holds about that many completed records behind
 * it, as the isolation run's worker did (198,000 ledger entries in its heap after the window).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OffsetTrackerBenchmark {

    static final int IN_FLIGHT = 2_000;
    static final int STUCK_EVERY = 200_000;

    private final TopicPartition partition = new TopicPartition("webhook-deliveries", 0);

    @Param({"flowing", "stuckHead"})
    public String shape;

    private OffsetTracker tracker;
    private long next;
    private long stuck;

    @Setup(Level.Iteration)
    public void fill() {
        tracker = new OffsetTracker();
        next = 0;
        stuck = -1;
        for (int i = 0; i < STUCK_EVERY + IN_FLIGHT; i++) {
            handOutAndSettle();
        }
    }

    @Benchmark
    public int handOutAndSettle() {
        tracker.dispatched(partition, next, 500);
        long settling = next - IN_FLIGHT;
        if (shape.equals("stuckHead") && next % STUCK_EVERY == 0) {
            if (stuck >= 0) {
                tracker.completed(partition, stuck);
            }
            stuck = next;
        }
        if (settling >= 0 && settling != stuck) {
            tracker.completed(partition, settling);
        }
        next++;
        return tracker.pending();
    }
}
