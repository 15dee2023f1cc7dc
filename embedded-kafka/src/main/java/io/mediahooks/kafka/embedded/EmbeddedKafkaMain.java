package io.mediahooks.kafka.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedKafkaBroker} as its own process for the local run: keeps its data
 * between runs and stops cleanly on SIGTERM or Ctrl-C.
 *
 * <pre>java -cp ... io.mediahooks.kafka.embedded.EmbeddedKafkaMain [--port 9092] [--data-dir ./.mediahooks/kafka]</pre>
 */
public final class EmbeddedKafkaMain {

    /** Printed once the broker accepts clients; the local launcher waits for this prefix. */
    public static final String READY_PREFIX = "Kafka ready at ";

    /**
     * Logback config used when none is given: the broker logs thousands of INFO lines. A
     * namespaced resource, so that it never replaces the config of an application that has
     * this jar on its classpath.
     */
    static final String DEFAULT_LOGBACK_CONFIG = "io/mediahooks/kafka/embedded/embedded-kafka-logback.xml";

    private EmbeddedKafkaMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Must run before the first logger is created, hence no static logger in this class.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", DEFAULT_LOGBACK_CONFIG);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }

        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.builder()
                    .port(options.port())
                    .dataDir(options.dataDir())
                    .keepDataDir()
                    .start();
        } catch (IllegalStateException e) {
            // Typically the port is taken, e.g. by another Kafka: say so in one line.
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "embedded-kafka-shutdown"));

        System.out.println(READY_PREFIX + broker.bootstrapServers());
        System.out.flush();
        // Keeps the process alive whether or not Kafka's own threads are daemons.
        stopped.await();
    }

    /** Command-line options of {@link EmbeddedKafkaMain}. */
    record Options(int port, Path dataDir) {

        static final int DEFAULT_PORT = 9092;
        static final Path DEFAULT_DATA_DIR = Path.of(".mediahooks", "kafka");
        static final String USAGE = "usage: EmbeddedKafkaMain [--port <port, default " + DEFAULT_PORT
                + ">] [--data-dir <dir, default " + DEFAULT_DATA_DIR + ">]";

        static Options parse(String... args) {
            int port = DEFAULT_PORT;
            Path dataDir = DEFAULT_DATA_DIR;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--port" -> port = parsePort(value);
                    case "--data-dir" -> dataDir = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + flag);
                }
            }
            return new Options(port, dataDir);
        }

        private static int parsePort(String value) {
            int port;
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number, was '" + value + "'", e);
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("--port must be 1-65535, was " + port);
            }
            return port;
        }
    }
}
