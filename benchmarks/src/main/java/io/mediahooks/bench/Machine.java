package io.mediahooks.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a run ran on, read at its start and at its end: the figures only mean something next to
 * the cores, the JVM, and how busy the machine was with other work (load, other Maven builds).
 */
record Machine(int cores, long memoryBytes, String jvm, String loadAverage, long mavenBuilds) {

    static Machine describe() {
        String[] load = read("/proc/loadavg").split(" ");
        return new Machine(Runtime.getRuntime().availableProcessors(), totalMemory(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                load.length >= 3 ? String.join(" ", Arrays.copyOf(load, 3)) : "?", runningMavenBuilds());
    }

    String summary() {
        return String.format("%d cores, %.1f GiB memory, %s, %s %s", cores, memoryBytes / (1024.0 * 1024 * 1024), jvm,
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static long totalMemory() {
        for (String line : read("/proc/meminfo").lines().toList()) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }

    /** Maven JVMs running now (other engineers' builds, on a shared machine). */
    private static long runningMavenBuilds() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains("org.codehaus.plexus.classworlds.launcher.Launcher")).orElse(false))
                .count();
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
