package io.mediahooks.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@DisabledOnOs(OS.WINDOWS)
class ServiceProcessTest {

    @Test
    void stopsOnSigtermAndWritesItsOutputToTheLog(@TempDir Path dir) {
        ServiceProcess service = ServiceProcess.start("sleeper", List.of("bash", "-c", "echo hello from $NAME; exec sleep 60"),
                Map.of("NAME", "sleeper"), dir.resolve("logs/sleeper.log"), 0);

        service.requestStop();
        boolean clean = service.awaitOrKill(Instant.now().plusSeconds(10));

        assertThat(clean).isTrue();
        assertThat(service.isAlive()).isFalse();
        assertThat(service.logTail(5)).anyMatch(line -> line.startsWith("=== sleeper started at"));
    }

    @Test
    void killsAProcessThatIgnoresSigtermOnceTheGraceRunsOut(@TempDir Path dir) {
        ServiceProcess service = ServiceProcess.start("stubborn", List.of("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"),
                Map.of(), dir.resolve("stubborn.log"), 0);
        // A SIGTERM that arrives before the trap is set ends bash at once: wait until it says it is ready.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> service.logTail(5).contains("ready"));
        List<ProcessHandle> children = service.process().descendants().toList();

        service.requestStop();
        long started = System.nanoTime();
        boolean clean = service.awaitOrKill(Instant.now().plusMillis(500));

        assertThat(clean).isFalse();
        assertThat(service.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }
}
