package io.mediahooks.bench.cluster;

/** Waiting between polls of something outside the JVM (a child's log, an HTTP endpoint). */
public final class Pause {

    private Pause() {
    }

    /** Sleeps; an interrupt ends the benchmark, with the flag restored. */
    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
