package io.mediahooks.bench.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts (the broker, the router, a worker), with its output in a log file,
 * and what its process costs as the kernel counts it: CPU time and resident memory. Measuring
 * each service as its own process is what makes "the worker used 60% of a core" a fact.
 */
public final class ChildProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** Children still running: a Ctrl-C of the benchmark must not leave a broker or a worker behind. */
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(child -> child.stop(10)), "stop-children"));
    }

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} with {@code environment} added to this process's environment. */
    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            ChildProcess child = new ChildProcess(name, builder.start(), logFile);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** {@code java} of the running JVM followed by {@code arguments}: children run on the same JDK. */
    public static List<String> javaCommand(List<String> arguments) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(arguments);
        return command;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The whole log so far (children log little: WARN and up). */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** The last lines of the log, to show why a child died. */
    public String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** CPU time (user plus system) used so far, in nanoseconds. */
    public long cpuNanos() {
        return ProcStat.cpuNanos(process.pid());
    }

    /** Resident memory now, in bytes. */
    public long residentBytes() {
        return ProcStat.residentBytes(process.pid());
    }

    /** Stops the child (SIGTERM, then SIGKILL after {@code graceSeconds}). */
    public void stop(int graceSeconds) {
        LIVE.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or committed. Waits until it is gone. */
    public void kill() {
        LIVE.remove(this);
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit code, once the child exited. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public void close() {
        stop(30);
    }

    /** Reads /proc for a process's CPU time and memory (Linux). */
    public static final class ProcStat {

        private ProcStat() {
        }

        public static long cpuNanos(long pid) {
            try {
                return cpuNanosOf(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /**
         * CPU time of the JIT's compiler threads ({@code C1/C2 CompilerThread}, named so in
         * /proc), which a window measured before the JVM is warm spends beside the work itself.
         * A compiler thread the JVM retires during a window takes its time out of this sum (not
         * out of {@link #cpuNanos}): the figure can be low, never high.
         */
        public static long jitNanos(long pid) {
            long nanos = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks) {
                    String stat;
                    try {
                        stat = Files.readString(task.resolve("stat"));
                    } catch (IOException gone) {
                        continue;
                    }
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        nanos += cpuNanosOf(stat);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            return nanos;
        }

        /** User and system time, in nanoseconds, of a process's or a thread's {@code stat} line. */
        private static long cpuNanosOf(String stat) {
            // The command name in parentheses may hold spaces: fields are counted after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        }

        public static long residentBytes(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
                return -1;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }
}
