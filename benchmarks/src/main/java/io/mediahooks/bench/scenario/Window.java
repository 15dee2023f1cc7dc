package io.mediahooks.bench.scenario;

import io.mediahooks.bench.cluster.ResourceMonitor;
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

    /** Fraction of the deliveries after which the window opens: the JIT has warmed up by then. */
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
        this.openAt = (long) (expected * FROM);
        this.closeAt = (long) (expected * TO);
        this.targets = targets;
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
