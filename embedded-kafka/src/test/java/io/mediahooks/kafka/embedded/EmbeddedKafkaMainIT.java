package io.mediahooks.kafka.embedded;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaMainIT {

    /** What the JVM exits with after running its shutdown hooks on SIGTERM (128 + 15). */
    private static final int EXIT_ON_SIGTERM = 143;

    @Test
    void printsReadyLineThenStopsCleanlyOnSigtermKeepingItsData() throws Exception {
        int port = FreePort.pick();
        Path dataDir = EmbeddedKafkaBroker.DEFAULT_TEST_DATA_ROOT.resolve("main-" + UUID.randomUUID()).toAbsolutePath();
        Path stderr = Files.createTempFile(Files.createDirectories(Path.of("target")), "embedded-kafka-main-", ".log");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                EmbeddedKafkaMain.class.getName(), "--port", String.valueOf(port), "--data-dir", dataDir.toString())
                .redirectError(stderr.toFile())
                .start();
        try {
            List<String> stdout = collectLines(process);
            await().atMost(Duration.ofSeconds(60))
                    .failFast("EmbeddedKafkaMain exited; see " + stderr, () -> !process.isAlive())
                    .until(() -> !stdout.isEmpty());
            assertThat(stdout).containsExactly("Kafka ready at localhost:" + port);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                admin.createTopics(List.of(new NewTopic("from-main", 1, (short) 1))).all().get();
            }

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
            assertThat(process.exitValue()).isEqualTo(EXIT_ON_SIGTERM);
            assertThat(dataDir.resolve(".kafka_cleanshutdown")).as("Kafka's clean-shutdown marker").exists();
            // The default log config holds the broker to warnings: a handful of lines, not the
            // thousands it logs at INFO.
            assertThat(Files.readAllLines(stderr, UTF_8)).hasSizeLessThan(20);
        } finally {
            process.destroyForcibly();
        }

        // The local run resumes where it stopped: the next broker on that data dir has the topic.
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains("from-main");
        }
    }

    private static List<String> collectLines(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "embedded-kafka-main-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
