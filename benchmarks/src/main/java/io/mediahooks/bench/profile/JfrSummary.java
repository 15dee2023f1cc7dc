package io.mediahooks.bench.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a flight recording says a process spent its time on during a measurement window: the
 * CPU it used, GC pauses, and which threads and methods the execution samples fall in. This is
 * the evidence behind each "what limits it" line of the report.
 */
public final class JfrSummary {

    private static final int TOP = 8;

    private final String process;
    private final long samples;
    private final Map<String, Long> byThread;
    private final Map<String, Long> bySelfMethod;
    private final Map<String, Long> byArea;
    private final double jvmCpuShare;
    private final double machineCpuShare;
    private final Duration gcPauses;
    private final Duration window;
    private final Heap heap;

    /**
     * The heap as the JVM saw it at each GC of the window (jdk.GCHeapSummary).
     *
     * @param peakUsed      the most heap in use seen (just before a GC)
     * @param maxLive       the most heap still in use just after a GC: what the process really keeps
     * @param maxCommitted  the most heap committed
     */
    public record Heap(long peakUsed, long maxLive, long maxCommitted, long reserved, int collections) {
    }

    private JfrSummary(String process, long samples, Map<String, Long> byThread, Map<String, Long> bySelfMethod,
                       Map<String, Long> byArea, double jvmCpuShare, double machineCpuShare, Duration gcPauses, Duration window,
                       Heap heap) {
        this.process = process;
        this.samples = samples;
        this.byThread = byThread;
        this.bySelfMethod = bySelfMethod;
        this.byArea = byArea;
        this.jvmCpuShare = jvmCpuShare;
        this.machineCpuShare = machineCpuShare;
        this.gcPauses = gcPauses;
        this.window = window;
        this.heap = heap;
    }

    public Heap heap() {
        return heap;
    }

    public Duration gcPauses() {
        return gcPauses;
    }

    public Duration window() {
        return window;
    }

    /** Summarizes the events of {@code file} that fall between {@code from} and {@code to}. */
    public static JfrSummary of(String process, Path file, Instant from, Instant to) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no recording at " + file);
        }
        Map<String, Long> byThread = new HashMap<>();
        Map<String, Long> bySelf = new HashMap<>();
        Map<String, Long> byArea = new HashMap<>();
        long samples = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuReadings = 0;
        Duration gc = Duration.ZERO;
        long peakUsed = 0;
        long maxLive = 0;
        long maxCommitted = 0;
        long reserved = 0;
        int collections = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                Instant at = event.getStartTime();
                if (at.isBefore(from) || at.isAfter(to)) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        RecordedThread thread = event.getThread("sampledThread");
                        byThread.merge(threadGroup(thread == null ? "?" : thread.getJavaName()), 1L, Long::sum);
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack != null && !stack.getFrames().isEmpty()) {
                            bySelf.merge(frameName(stack.getFrames().get(0)), 1L, Long::sum);
                            byArea.merge(area(stack.getFrames()), 1L, Long::sum);
                        }
                    }
                    case "jdk.CPULoad" -> {
                        jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                        machineCpu += event.getFloat("machineTotal");
                        cpuReadings++;
                    }
                    case "jdk.GarbageCollection" -> {
                        gc = gc.plus(event.getDuration("sumOfPauses"));
                        collections++;
                    }
                    case "jdk.GCHeapSummary" -> {
                        long used = event.getLong("heapUsed");
                        peakUsed = Math.max(peakUsed, used);
                        if ("After GC".equals(event.getString("when"))) {
                            maxLive = Math.max(maxLive, used);
                        }
                        RecordedObject space = event.getValue("heapSpace");
                        maxCommitted = Math.max(maxCommitted, space.getLong("committedSize"));
                        reserved = Math.max(reserved, space.getLong("reservedSize"));
                    }
                    default -> {
                        // Other events are not summarized.
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return new JfrSummary(process, samples, byThread, bySelf, byArea,
                cpuReadings == 0 ? 0 : jvmCpu / cpuReadings, cpuReadings == 0 ? 0 : machineCpu / cpuReadings, gc,
                Duration.between(from, to), new Heap(peakUsed, maxLive, maxCommitted, reserved, collections));
    }

    /** Pools of threads are counted together: "mediahooks-http-1" and "-2" are one line. */
    static String threadGroup(String name) {
        return name.replaceAll("[-_ #]?\\d+$", "").replaceAll("-\\d+-", "-N-");
    }

    private static String frameName(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /**
     * The code a sample is "in", judged from the top of the stack: the first frame of a library
     * or module whose cost we want to see (crypto, JSON, compression, HTTP, Kafka, mediahooks),
     * else the package of the top frame.
     */
    static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod() == null) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            String area = knownArea(type);
            if (area != null) {
                return area;
            }
        }
        String top = frames.get(0).getMethod() == null ? "?" : frames.get(0).getMethod().getType().getName();
        int lastDot = top.lastIndexOf('.');
        return lastDot < 0 ? top : top.substring(0, lastDot);
    }

    private static String knownArea(String type) {
        if (type.startsWith("com.sun.crypto") || type.startsWith("sun.security") || type.startsWith("javax.crypto")) {
            return "crypto (HMAC, SHA)";
        }
        if (type.startsWith("com.fasterxml.jackson")) {
            return "JSON (Jackson)";
        }
        if (type.startsWith("org.apache.kafka.common.compress") || type.startsWith("com.github.luben")
                || type.startsWith("org.xerial.snappy") || type.startsWith("net.jpountz")) {
            return "compression";
        }
        if (type.startsWith("org.rocksdb")) {
            return "RocksDB";
        }
        if (type.startsWith("sun.nio.ch") || type.startsWith("java.nio")) {
            return "socket I/O (NIO)";
        }
        if (type.startsWith("org.apache.hc")) {
            return "HTTP client (HttpCore 5)";
        }
        if (type.startsWith("org.apache.kafka.streams")) {
            return "Kafka Streams";
        }
        if (type.startsWith("org.apache.kafka") || type.startsWith("kafka.")) {
            return "Kafka clients/broker";
        }
        if (type.startsWith("io.micrometer")) {
            return "metrics (Micrometer)";
        }
        if (type.startsWith("ch.qos.logback") || type.startsWith("org.slf4j")) {
            return "logging";
        }
        if (type.startsWith("io.mediahooks")) {
            return "mediahooks code";
        }
        return null;
    }

    /** A few lines for the console and BENCHMARKS.md. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%s: JVM CPU %.0f%% of the machine (machine total %.0f%%), %d GCs pausing %d ms in %d s, "
                        + "heap peak %d MiB / live after GC %d MiB / committed %d MiB, %d samples",
                process, jvmCpuShare * 100, machineCpuShare * 100, heap.collections(), gcPauses.toMillis(), window.toSeconds(),
                heap.peakUsed() >> 20, heap.maxLive() >> 20, heap.maxCommitted() >> 20, samples));
        lines.add("  threads: " + top(byThread));
        lines.add("  areas:   " + top(byArea));
        lines.add("  methods: " + top(bySelfMethod));
        return lines;
    }

    private String top(Map<String, Long> counts) {
        if (samples == 0) {
            return "(no samples)";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP)
                .map(entry -> String.format("%s %.0f%%", entry.getKey(), 100.0 * entry.getValue() / samples))
                .collect(Collectors.joining(", "));
    }
}
