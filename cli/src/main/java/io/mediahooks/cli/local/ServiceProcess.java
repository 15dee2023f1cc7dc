package io.mediahooks.cli.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the local run (the router or a worker), its output appended to a log
 * file. Stopping sends SIGTERM, waits, then kills whatever is left, descendants included, so
 * nothing outlives the local run.
 */
public final class ServiceProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final int managementPort;
    private final Instant started;

    private ServiceProcess(String name, Process process, Path logFile, int managementPort, Instant started) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.managementPort = managementPort;
        this.started = started;
    }

    /**
     * Starts {@code command} with {@code environment} on top of this process's environment.
     *
     * @param managementPort the port its health endpoints listen on (also set in {@code environment})
     */
    public static ServiceProcess start(String name, List<String> command, Map<String, String> environment, Path logFile,
                                       int managementPort) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.writeString(logFile, "=== " + name + " started at " + Instant.now() + ": " + String.join(" ", command)
                    + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            return new ServiceProcess(name, builder.start(), logFile, managementPort, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }

    public int managementPort() {
        return managementPort;
    }

    public Instant started() {
        return started;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    /**
     * Asks the process to stop (SIGTERM) without waiting; {@link #awaitOrKill} finishes the job.
     * Descendants are asked first, for the rare service that forks.
     */
    public void requestStop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits until {@code deadline} for the process to exit, then kills it and its descendants; true if it stopped by itself. */
    public boolean awaitOrKill(Instant deadline) {
        List<ProcessHandle> descendants = new ArrayList<>(process.descendants().toList());
        boolean exited = waitUntil(deadline);
        if (!exited) {
            process.destroyForcibly();
            waitUntil(Instant.now().plusSeconds(5));
        }
        // A descendant could survive its parent; take no chances.
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return exited;
    }

    /** The last {@code lines} lines of the log, to show why a service died. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException | UncheckedIOException e) {
            return List.of("(could not read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    private boolean waitUntil(Instant deadline) {
        long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
