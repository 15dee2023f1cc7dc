package io.mediahooks.bench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The live objects of a JVM by class ({@code jcmd <pid> GC.class_histogram}, which runs a full GC
 * first): taken once a measurement window has closed, it shows what holds a service's heap.
 */
public final class HeapHistogram {

    private HeapHistogram() {
    }

    /** The first {@code lines} lines of the histogram (header included), or why there are none. */
    public static List<String> top(long pid, int lines) {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.resolveSibling("jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            List<String> output = new ArrayList<>();
            try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (output.size() < lines + 1) {
                        output.add(line);
                    }
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return output.size() > 1 ? output.subList(1, output.size()) : output;
        } catch (IOException e) {
            return List.of("(jcmd failed: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("(interrupted)");
        }
    }
}
