package io.mediahooks.bench.cluster;

import io.mediahooks.kafka.embedded.EmbeddedKafkaMain;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The embedded single-node KRaft broker ({@link EmbeddedKafkaMain}) in a JVM of its own, started
 * from the benchmark's class path, so its CPU is measured apart from the services and the harness.
 */
public final class BrokerProcess implements AutoCloseable {

    private final ChildProcess process;
    private final int port;

    private BrokerProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a broker on fresh data in {@code dataDir} and waits until it accepts clients. */
    public static BrokerProcess start(Path dataDir, Path logFile, String heap, Duration timeout, List<String> jvmOptions) {
        return start(dataDir, logFile, heap, timeout, jvmOptions, FreePorts.pick());
    }

    /**
     * Starts a broker on {@code port} and waits until it accepts clients. Given the port and data
     * directory of a broker that was stopped, it comes back with its topics, records and offsets,
     * where its clients look for it.
     */
    public static BrokerProcess start(Path dataDir, Path logFile, String heap, Duration timeout, List<String> jvmOptions,
                                      int port) {
        List<String> arguments = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        arguments.addAll(jvmOptions);
        arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedKafkaMain.class.getName(),
                "--port", Integer.toString(port), "--data-dir", dataDir.toString()));
        List<String> command = ChildProcess.javaCommand(arguments);
        ChildProcess process = ChildProcess.start("broker", command, Map.of(), logFile);
        Instant deadline = Instant.now().plus(timeout);
        while (!process.log().contains(EmbeddedKafkaMain.READY_PREFIX)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String tail = process.logTail(30);
                process.stop(5);
                throw new IllegalStateException("the broker did not start:\n" + tail);
            }
            Pause.millis(100);
        }
        return new BrokerProcess(process, port);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(30);
    }
}
