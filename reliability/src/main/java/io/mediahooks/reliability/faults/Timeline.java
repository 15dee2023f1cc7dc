package io.mediahooks.reliability.faults;

import io.mediahooks.bench.report.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a scenario did and when, in seconds since it began: printed as it happens and written to
 * {@code timeline.txt} in the scenario's directory, next to the logs it explains.
 */
final class Timeline {

    private final String scenario;
    private final long started = System.nanoTime();
    private final List<String> lines = new ArrayList<>();

    Timeline(String scenario) {
        this.scenario = scenario;
    }

    void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, "[%6.1f s] %s", seconds(), String.format(Locale.ROOT, format, args));
        synchronized (lines) {
            lines.add(line);
        }
        Progress.say("%s: %s", scenario, String.format(Locale.ROOT, format, args));
    }

    /** Seconds since the scenario began. */
    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    void write(Path file) {
        try {
            synchronized (lines) {
                Files.write(file, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
