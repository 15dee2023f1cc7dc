package io.mediahooks.kafka.test;

import io.mediahooks.kafka.embedded.EmbeddedKafkaBroker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kafka cluster behind the tests of one JVM: an existing one, a container, or an in-JVM broker. */
interface TestCluster extends AutoCloseable {

    /** An existing cluster to use instead of starting one, e.g. {@code localhost:9092}. */
    String BOOTSTRAP_SERVERS_ENV = "MEDIAHOOKS_TEST_KAFKA_BOOTSTRAP_SERVERS";
    /** {@code container} asks for a Testcontainers broker where Docker is available. */
    String MODE_ENV = "MEDIAHOOKS_TEST_KAFKA";

    String bootstrapServers();

    /** For the log line that says which Kafka the tests ran against. */
    String description();

    @Override
    void close();

    static TestCluster start() {
        Logger log = LoggerFactory.getLogger(TestCluster.class);
        String external = System.getenv(BOOTSTRAP_SERVERS_ENV);
        if (external != null && !external.isBlank()) {
            return new External(external.trim());
        }
        if ("container".equalsIgnoreCase(System.getenv(MODE_ENV))) {
            if (testcontainersOnClasspath() && ContainerCluster.dockerAvailable()) {
                return ContainerCluster.start();
            }
            log.warn("{}=container, but Testcontainers or Docker is not available: using the in-JVM broker",
                    MODE_ENV);
        }
        return new Embedded(EmbeddedKafkaBroker.start());
    }

    /** Testcontainers is optional: consumers that want containers add it to their test classpath. */
    static boolean testcontainersOnClasspath() {
        ClassLoader loader = TestCluster.class.getClassLoader();
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, loader);
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** A cluster someone else runs; the tests neither start nor stop it. */
    record External(String bootstrapServers) implements TestCluster {

        @Override
        public String description() {
            return "existing cluster at " + bootstrapServers + " (from " + BOOTSTRAP_SERVERS_ENV + ")";
        }

        @Override
        public void close() {
        }
    }

    /** The default: a real broker inside the test JVM, the same Kafka version as the clients. */
    record Embedded(EmbeddedKafkaBroker broker) implements TestCluster {

        @Override
        public String bootstrapServers() {
            return broker.bootstrapServers();
        }

        @Override
        public String description() {
            return "in-JVM broker at " + broker.bootstrapServers();
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
