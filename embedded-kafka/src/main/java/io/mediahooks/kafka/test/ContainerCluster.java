package io.mediahooks.kafka.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker in Docker, through Testcontainers. Testcontainers is an optional dependency:
 * this is the only class that touches it, and it must be loaded only after {@link
 * TestCluster#testcontainersOnClasspath()} said yes (the verifier loads the Testcontainers
 * types this class uses).
 */
final class ContainerCluster implements TestCluster {

    static final String IMAGE = "apache/kafka:4.1.0";

    private final KafkaContainer container;

    private ContainerCluster(KafkaContainer container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource") // closed by close()
    static ContainerCluster start() {
        KafkaContainer container = new KafkaContainer(IMAGE)
                // Same single-node behaviour as the in-JVM broker.
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_NUM_PARTITIONS", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        container.start();
        return new ContainerCluster(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "container " + IMAGE + " at " + bootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
