package io.mediahooks.reliability.cluster;

import io.mediahooks.bench.cluster.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One service of a {@link Cluster} (the router, or one worker) across its restarts: each start is
 * a new process from the same jar and environment, logging to {@code <name>.<n>.log}. Faults are
 * applied here: {@code kill -9}, SIGTERM, SIGSTOP and SIGCONT. Used from one thread, the scenario's.
 */
public final class Service {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** SIGTERM, then SIGKILL after this: the worker's shutdown timeout (30 s) plus its grace (10 s), and a margin. */
    private static final int TERMINATE_GRACE_SECONDS = 60;

    private final String name;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path logDir;
    private ServiceProcess current;
    private int starts;
    private boolean frozen;
    private boolean toldToStop;
    private int revived;

    Service(String name, Path jar, List<String> jvmOptions, Map<String, String> environment, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
        this.logDir = logDir;
    }

    public String name() {
        return name;
    }

    /** Starts a new process and waits until its {@code /health/ready} answers 200. */
    public void start() {
        if (current != null && current.process().isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        starts++;
        current = ServiceProcess.start(name, jar, jvmOptions, environment, logDir.resolve(name + "." + starts + ".log"),
                READY_TIMEOUT);
        frozen = false;
        toldToStop = false;
    }

    /** {@code kill -9}: nothing is flushed, committed or handed back. */
    public void kill() {
        ServiceProcess process = running();
        toldToStop = true;
        process.process().kill();
    }

    /** SIGTERM, and waits until the process exited: how long it took, and its exit code. */
    public Stopped terminate() {
        ServiceProcess process = running();
        toldToStop = true;
        long started = System.nanoTime();
        process.process().stop(TERMINATE_GRACE_SECONDS);
        return new Stopped(Duration.ofNanos(System.nanoTime() - started), process.process().exitCode().orElse(-1));
    }

    /** How a SIGTERM ended: 143 (or 0) is a clean stop, 137 means it had to be killed after the grace. */
    public record Stopped(Duration took, int exitCode) {
    }

    /** SIGSTOP: the process stops dead, sockets open, without knowing it; its group session runs out. */
    public void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT: the frozen process goes on where it stopped, as a zombie that may still think it owns its partitions. */
    public void thaw() {
        signal("CONT");
        frozen = false;
    }

    /**
     * Starts the service again when its process exited without being told to (as an orchestrator
     * restarts a crashed pod). A killed or terminated service counts as told: the scenario restarts it.
     *
     * @return the exit code of the process that had exited, when it was started again
     */
    OptionalInt reviveIfExited() {
        if (current == null || toldToStop || frozen || current.process().isAlive()) {
            return OptionalInt.empty();
        }
        int exitCode = current.process().exitCode().orElse(-1);
        revived++;
        start();
        return OptionalInt.of(exitCode);
    }

    /** Times the process exited by itself and was started again. */
    public int revived() {
        return revived;
    }

    /** How many processes this service has had. */
    public int starts() {
        return starts;
    }

    public Optional<ServiceProcess> process() {
        return Optional.ofNullable(current);
    }

    public boolean isRunning() {
        return current != null && current.process().isAlive();
    }

    private ServiceProcess running() {
        if (!isRunning()) {
            throw new IllegalStateException(name + " is not running");
        }
        return current;
    }

    private void signal(String signal) {
        long pid = running().process().pid();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes()).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run kill -" + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending SIG" + signal + " to " + name, e);
        }
    }

    /** Stops the process if it runs (a frozen one is woken first, so that it can stop). */
    void close() {
        if (current == null) {
            return;
        }
        if (frozen && current.process().isAlive()) {
            thaw();
        }
        current.process().stop(TERMINATE_GRACE_SECONDS);
    }
}
