package io.mediahooks.bench.report;

import java.util.Locale;

/** Progress lines on standard output, each stamped with the seconds since the run began. */
public final class Progress {

    private static final long STARTED = System.nanoTime();

    private Progress() {
    }

    public static void say(String format, Object... args) {
        double seconds = (System.nanoTime() - STARTED) / 1e9;
        System.out.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds, String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
