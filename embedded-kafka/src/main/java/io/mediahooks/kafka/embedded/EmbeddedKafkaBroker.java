package io.mediahooks.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM, for
 * tests and the local run.
 *
 * <p>It uses Kafka's internal server APIs ({@code KafkaRaftServer}, {@code Formatter}), which
 * change between releases: it works with the Kafka version the parent pom pins and no other.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Where tests' brokers keep their data unless told otherwise: inside the build output. */
    public static final Path DEFAULT_TEST_DATA_ROOT = Path.of("target", "embedded-kafka");

    /** Written by formatting; holds the cluster id. */
    private static final String META_PROPERTIES = "meta.properties";

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final int port;
    private final OptionalInt saslSslPort;
    private final boolean keepDataDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path dataDir, int port, OptionalInt saslSslPort, boolean keepDataDir) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.saslSslPort = saslSslPort;
        this.keepDataDir = keepDataDir;
    }

    /** A builder; its defaults give a broker on a free port with a fresh data dir under {@code target/}, deleted on close. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker with the builder's defaults. */
    public static EmbeddedKafkaBroker start() {
        return builder().start();
    }

    /** {@code localhost:<port>}, for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * {@code localhost:<port>} of the {@link SaslSslListener}, for clients that must use TLS and a
     * SCRAM login; Kafka answers them with this listener's address only.
     *
     * @throws IllegalStateException when the broker was built without one
     */
    public String saslSslBootstrapServers() {
        return "localhost:" + saslSslPort.orElseThrow(() -> new IllegalStateException("this broker has no SASL_SSL listener"));
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker (a clean shutdown) and deletes its data dir unless it was to be kept. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        server.shutdown();
        server.awaitShutdown();
        if (!keepDataDir) {
            deleteRecursively(dataDir);
        }
        log.info("Embedded Kafka at {} stopped in {} ms", bootstrapServers(), millisSince(started));
    }

    private static void format(Path dataDir, List<ApiMessageAndVersion> bootstrapRecords) {
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        String logDir = dataDir.toAbsolutePath().toString();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                .setNodeId(SingleNodeSettings.NODE_ID)
                .setClusterId(existingClusterId(dataDir).orElseGet(() -> Uuid.randomUuid().toString()))
                .setControllerListenerName(SingleNodeSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(logDir)
                .addDirectory(logDir)
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                .setAdditionalBootstrapRecords(bootstrapRecords)
                // A kept data dir resumes with its topics, as with `kafka-storage format
                // --ignore-formatted`; like that tool, the Formatter insists on the dir's own
                // cluster id, hence existingClusterId.
                .setIgnoreFormatted(true);
        try {
            formatter.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Formatter.run() declares a bare Exception; its real failures are I/O errors.
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
        log.debug("Formatter on {}: {}", logDir, formatterOutput.toString(StandardCharsets.UTF_8).trim());
    }

    private static Optional<String> existingClusterId(Path dataDir) {
        Path metaProperties = dataDir.resolve(META_PROPERTIES);
        if (!Files.exists(metaProperties)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (Reader reader = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
            meta.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + metaProperties, e);
        }
        return Optional.ofNullable(meta.getProperty("cluster.id"));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(EmbeddedKafkaBroker::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete Kafka data dir " + dir, e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + path, e);
        }
    }

    /** Kafka wraps the telling error (e.g. "Address already in use") a few levels deep. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ", caused by " + root;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** Options for one broker: data dir, client port, whether to keep the data, extra broker properties. */
    public static final class Builder {

        private Path dataDir;
        private int port;
        private boolean keepDataDir;
        private SaslSslListener saslSsl;
        private final Map<String, String> brokerProperties = new HashMap<>();

        private Builder() {
        }

        /** Where the broker keeps its logs and metadata; default a fresh directory under {@code target/embedded-kafka}. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** The client (PLAINTEXT) port; 0, the default, picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Keeps the data dir on close, so the next broker on it resumes with the same topics and
         * records. Without it the data dir is deleted on close.
         */
        public Builder keepDataDir() {
            this.keepDataDir = true;
            return this;
        }

        /** A broker property that overrides the single-node defaults, e.g. {@code log.retention.ms}. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            properties.forEach(this::brokerProperty);
            return this;
        }

        /** Adds a {@code SASL_SSL} listener on a free port (see {@link #saslSslBootstrapServers()}). */
        public Builder saslSsl(SaslSslListener listener) {
            this.saslSsl = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Formats the storage if it is not formatted yet, starts the broker and returns once it accepts clients. */
        public EmbeddedKafkaBroker start() {
            long started = System.nanoTime();
            Path dir = (dataDir != null ? dataDir : DEFAULT_TEST_DATA_ROOT.resolve("broker-" + UUID.randomUUID()))
                    .toAbsolutePath();
            createDirectories(dir);
            int clientPort = port != 0 ? port : FreePort.pick();
            int controllerPort = FreePort.pickOtherThan(clientPort);
            OptionalInt saslSslPort = saslSsl == null ? OptionalInt.empty() : OptionalInt.of(FreePort.pickOtherThan(clientPort, controllerPort));
            Properties props = SingleNodeSettings.of(dir, clientPort, controllerPort, Map.of());
            saslSslPort.ifPresent(saslPort -> saslSsl.addTo(props, saslPort));
            props.putAll(brokerProperties);
            KafkaConfig config = KafkaConfig.fromProps(props, false);

            format(dir, saslSsl == null ? List.of() : saslSsl.scramRecords());
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            try {
                // Returns once the broker is unfenced, i.e. ready for clients.
                server.startup();
            } catch (RuntimeException e) {
                server.shutdown();
                server.awaitShutdown();
                if (!keepDataDir) {
                    deleteRecursively(dir);
                }
                throw new IllegalStateException("Embedded Kafka failed to start on port " + clientPort
                        + " (controller port " + controllerPort + ", data dir " + dir + "): " + rootCause(e), e);
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dir, clientPort, saslSslPort, keepDataDir);
            log.info("Embedded Kafka ready at {}{} in {} ms (data dir {})", broker.bootstrapServers(),
                    saslSslPort.isPresent() ? " and " + SaslSslListener.NAME + " " + broker.saslSslBootstrapServers() : "",
                    millisSince(started), dir);
            return broker;
        }

        private static void createDirectories(Path dir) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create Kafka data dir " + dir, e);
            }
        }
    }
}
