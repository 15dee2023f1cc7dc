package io.mediahooks.bench.cluster;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What each process of a run costs during a measurement window: CPU in cores (CPU time over wall
 * time, from /proc), peak resident memory, and for services the peak heap in use as their own
 * {@code /metrics} report it (sampled every half second).
 */
public final class ResourceMonitor implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 500;

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long startedNanos = System.nanoTime();
    private final Thread sampler;
    private volatile Map<String, Usage> result;

    /** A process to watch: its pid, and its service (for heap figures) when it has one. */
    public record Target(String name, long pid, ServiceProcess service) {

        public static Target of(ServiceProcess service) {
            return new Target(service.process().name(), service.process().pid(), service);
        }

        public static Target of(ChildProcess process) {
            return new Target(process.name(), process.pid(), null);
        }

        public static Target self(String name) {
            return new Target(name, ProcessHandle.current().pid(), null);
        }
    }

    /**
     * @param cores          CPU time used over the window divided by its length (2.0 = both cores of this machine)
     * @param peakHeapBytes  the most heap in use seen (0 when the process has no /metrics)
     * @param maxHeapBytes   the heap limit the JVM reports
     */
    public record Usage(double cores, long peakResidentBytes, long peakHeapBytes, long maxHeapBytes, double gcPauseSeconds) {
    }

    public ResourceMonitor(List<Target> targets) {
        for (Target target : targets) {
            Watched entry = new Watched(target, ChildProcess.ProcStat.cpuNanos(target.pid()),
                    target.service() == null ? 0 : gcSeconds(target.service()));
            watched.put(target.name(), entry);
        }
        sampler = new Thread(this::sample, "resource-monitor");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running.get() && !Thread.currentThread().isInterrupted()) {
            for (Watched entry : watched.values()) {
                entry.peakResident = Math.max(entry.peakResident, ChildProcess.ProcStat.residentBytes(entry.target.pid()));
                if (entry.target.service() != null) {
                    PrometheusText metrics = entry.target.service().metrics();
                    entry.peakHeap = Math.max(entry.peakHeap, (long) metrics.sum("jvm_memory_used_bytes", "area=\"heap\""));
                    entry.maxHeap = Math.max(entry.maxHeap, (long) metrics.sum("jvm_memory_max_bytes", "area=\"heap\""));
                }
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static double gcSeconds(ServiceProcess service) {
        return service.metrics().sum("jvm_gc_pause_seconds_sum");
    }

    /** Ends the window and returns each process's usage in it, by name. */
    public Map<String, Usage> stop() {
        if (result != null) {
            return result;
        }
        running.set(false);
        sampler.interrupt();
        double seconds = Duration.ofNanos(System.nanoTime() - startedNanos).toNanos() / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (Watched entry : watched.values()) {
            long cpu = ChildProcess.ProcStat.cpuNanos(entry.target.pid()) - entry.cpuAtStart;
            double gc = entry.target.service() == null ? 0 : gcSeconds(entry.target.service()) - entry.gcAtStart;
            usage.put(entry.target.name(), new Usage(cpu / 1e9 / seconds, entry.peakResident, entry.peakHeap, entry.maxHeap, gc));
        }
        result = usage;
        return usage;
    }

    @Override
    public void close() {
        stop();
    }

    private static final class Watched {
        final Target target;
        final long cpuAtStart;
        final double gcAtStart;
        volatile long peakResident;
        volatile long peakHeap;
        volatile long maxHeap;

        Watched(Target target, long cpuAtStart, double gcAtStart) {
            this.target = target;
            this.cpuAtStart = cpuAtStart;
            this.gcAtStart = gcAtStart;
        }
    }
}
