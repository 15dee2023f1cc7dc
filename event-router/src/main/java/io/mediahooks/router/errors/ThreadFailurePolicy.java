package io.mediahooks.router.errors;

import io.mediahooks.router.RouterMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens when a stream thread dies. Most failures are transient (a broker bounce
 * outlasting the client's retries, a timeout): the thread is replaced and its tasks resume from
 * the last commit. A JVM error, or failures that keep coming, shut this instance down instead, so
 * that it exits and its orchestrator restarts it with back-off rather than spinning here.
 */
public final class ThreadFailurePolicy implements StreamsUncaughtExceptionHandler {

    /** More replacements than this within {@link #DEFAULT_WINDOW} mean the failure is not transient. */
    public static final int DEFAULT_MAX_REPLACEMENTS = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ThreadFailurePolicy.class);

    private final RouterMetrics metrics;
    private final Clock clock;
    private final int maxReplacements;
    private final Duration window;
    private final Deque<Instant> recentReplacements = new ArrayDeque<>();

    public ThreadFailurePolicy(RouterMetrics metrics, Clock clock, int maxReplacements, Duration window) {
        this.metrics = metrics;
        this.clock = clock;
        this.maxReplacements = maxReplacements;
        this.window = window;
    }

    public static ThreadFailurePolicy withDefaults(RouterMetrics metrics) {
        return new ThreadFailurePolicy(metrics, Clock.systemUTC(), DEFAULT_MAX_REPLACEMENTS, DEFAULT_WINDOW);
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
        if (causedByJvmError(failure)) {
            LOG.error("A stream thread died of a JVM error; shutting the router down", failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        Instant now = clock.instant();
        while (!recentReplacements.isEmpty() && recentReplacements.peekFirst().isBefore(now.minus(window))) {
            recentReplacements.removeFirst();
        }
        if (recentReplacements.size() >= maxReplacements) {
            LOG.error("Stream threads failed {} times within {}; shutting the router down so that it is restarted",
                    recentReplacements.size() + 1, window, failure);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        recentReplacements.addLast(now);
        metrics.threadReplaced();
        LOG.error("A stream thread failed; replacing it (its tasks resume from the last commit)", failure);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private static boolean causedByJvmError(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof VirtualMachineError || cause instanceof LinkageError) {
                return true;
            }
        }
        return false;
    }
}
