package io.mediahooks.bench.scenario;

import io.mediahooks.bench.cluster.ResourceMonitor;
import io.mediahooks.bench.report.Distribution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The measured middle of a backlog run: opened when the count passes its start fraction, closed
 * when it passes its end fraction, so that warm-up at the start and stragglers at the end are
 * left out of the CPU, heap and profile figures, as they are of the rate.
 */
final class Window {

    /** Fraction of the (measured) deliveries after which the window opens. */
    static final double FROM = 0.2;
    /** Fraction after which it closes: the last deliveries trickle in from the slowest partitions. */
    static final double TO = 0.95;

    private final long openAt;
    private final long closeAt;
    private final Supplier<List<ResourceMonitor.Target>> targets;
    private ResourceMonitor monitor;
    private Instant opened;
    private Instant closed;
    private Map<String, ResourceMonitor.Usage> usage = Map.of();

    Window(long expected, Supplier<List<ResourceMonitor.Target>> targets) {
        this(0, expected, targets);
    }

    /**
     * The measured middle of the {@code measured} items that follow {@code warmUp} others in one
     * backlog: the warm-up part is there for the JIT, whose compiler threads a busy 2-core machine
     * starves for tens of seconds (the JIT column of the resource table shows what is left of it).
     */
    Window(long warmUp, long measured, Supplier<List<ResourceMonitor.Target>> targets) {
        this.openAt = warmUp + (long) (measured * FROM);
        this.closeAt = warmUp + Math.min(measured - 1, (long) (measured * TO));
        this.targets = targets;
    }

    /**
     * The rate over the middle ({@link #FROM} to {@link #TO}) of the first {@code items}, the JVMs
     * cold: comparable to how every backlog was measured until 2026-12-07 (not the same: the old
     * backlog ended there, so its last 5% drained; here more follow). Each backlog scenario reports
     * it beside the warm figure, from the same run.
     */
    static double coldRate(Distribution arrivals, long items, long gaveUpNanos) {
        return items <= 0 ? 0 : arrivals.backlogRate(items, FROM, TO, gaveUpNanos);
    }

    /** The rate between the window's two marks, from every item's arrival time (see {@link Distribution#rateBetween}). */
    double rate(Distribution arrivals, long gaveUpNanos) {
        return arrivals.rateBetween(openAt, closeAt, gaveUpNanos);
    }

    /** Called with the current count; opens or closes the window as it passes the marks. */
    void observe(long count) {
        if (monitor == null && count >= openAt) {
            opened = Instant.now();
            monitor = new ResourceMonitor(targets.get());
        }
        if (monitor != null && closed == null && count >= closeAt) {
            closed = Instant.now();
            usage = monitor.stop();
        }
    }

    /** Closes the window now if the run ended before its end mark. */
    void closeIfOpen() {
        if (monitor != null && closed == null) {
            closed = Instant.now();
            usage = monitor.stop();
        }
    }

    /** The count at which the window opens. */
    long openAt() {
        return openAt;
    }

    /** The count at which it closes. */
    long closeAt() {
        return closeAt;
    }

    boolean measured() {
        return opened != null && closed != null;
    }

    Instant opened() {
        return opened;
    }

    Instant closed() {
        return closed;
    }

    Map<String, ResourceMonitor.Usage> usage() {
        return usage;
    }
}
