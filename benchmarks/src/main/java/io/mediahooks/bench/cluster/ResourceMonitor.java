package io.mediahooks.bench.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What each process of a run costs during a measurement window, as the kernel counts it: CPU in
 * cores (CPU time over wall time), the part of it the JIT compiler threads took, and peak resident
 * memory, all from /proc, which costs the
 * watched process nothing. Heap and GC figures come from the flight recordings instead (scraping
 * a service's {@code /metrics} twice a second cost the router a third of its CPU).
 */
public final class ResourceMonitor implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 500;

    private final Map<String, Watched> watched = new LinkedHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final long startedNanos = System.nanoTime();
    private final Thread sampler;
    private volatile Map<String, Usage> result;

    /** A process to watch, by name and pid. */
    public record Target(String name, long pid) {

        public static Target of(ServiceProcess service) {
            return of(service.process());
        }

        public static Target of(ChildProcess process) {
            return new Target(process.name(), process.pid());
        }

        public static Target self(String name) {
            return new Target(name, ProcessHandle.current().pid());
        }
    }

    /**
     * @param cores    CPU time used over the window divided by its length (2.0 = both cores of this machine)
     * @param jitCores the part of {@code cores} spent by the JIT's compiler threads: near 0 once a JVM is warm
     */
    public record Usage(double cores, double jitCores, long peakResidentBytes) {
    }

    public ResourceMonitor(List<Target> targets) {
        for (Target target : targets) {
            watched.put(target.name(), new Watched(target, ChildProcess.ProcStat.cpuNanos(target.pid()),
                    ChildProcess.ProcStat.jitNanos(target.pid())));
        }
        sampler = new Thread(this::sample, "resource-monitor");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (running.get()) {
            for (Watched entry : watched.values()) {
                entry.peakResident = Math.max(entry.peakResident, ChildProcess.ProcStat.residentBytes(entry.target.pid()));
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Ends the window and returns each process's usage in it, by name. */
    public Map<String, Usage> stop() {
        if (result != null) {
            return result;
        }
        running.set(false);
        sampler.interrupt();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (Watched entry : watched.values()) {
            long cpu = ChildProcess.ProcStat.cpuNanos(entry.target.pid()) - entry.cpuAtStart;
            long jitNow = ChildProcess.ProcStat.jitNanos(entry.target.pid());
            // -1: /proc could not be read at one end; the JIT's part is then unknown, shown as 0.
            long jit = entry.jitAtStart < 0 || jitNow < 0 ? 0 : Math.max(0, jitNow - entry.jitAtStart);
            usage.put(entry.target.name(), new Usage(cpu / 1e9 / seconds, jit / 1e9 / seconds, entry.peakResident));
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
        final long jitAtStart;
        volatile long peakResident;

        Watched(Target target, long cpuAtStart, long jitAtStart) {
            this.target = target;
            this.cpuAtStart = cpuAtStart;
            this.jitAtStart = jitAtStart;
        }
    }
}
