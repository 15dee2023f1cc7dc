package io.mediahooks.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void restartOnKeptDataDirResumesWithSameClusterTopicsAndRecords() throws Exception {
        Path dataDir = EmbeddedKafkaBroker.DEFAULT_TEST_DATA_ROOT.resolve("restart-" + UUID.randomUUID());
        String clusterIdBefore;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).keepDataDir().start();
             Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            produce(broker, "kept", List.of("one", "two", "three"));
            clusterIdBefore = admin.describeCluster().clusterId().get();
        }
        assertThat(dataDir.resolve("meta.properties")).exists();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).start();
             Admin admin = admin(broker)) {
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterIdBefore);
            assertThat(admin.listTopics().names().get()).contains("kept");
            assertThat(readValues(broker, "kept", 3)).containsExactly("one", "two", "three");
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void closeDeletesDataDirThatWasNotToBeKept() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
        Path dataDir = broker.dataDir();
        assertThat(dataDir.resolve("meta.properties")).exists();

        broker.close();

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void listensOnRequestedPortAndCreatesNoTopicOnDemand() throws Exception {
        int port = FreePort.pick();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(port).start();
             Admin admin = admin(broker);
             KafkaConsumer<String, String> consumer = consumer(broker)) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);

            // A consumer's metadata request asks for auto-creation by default; the broker must refuse.
            assertThat(consumer.partitionsFor("never-created", TIMEOUT)).isEmpty();
            assertThat(admin.listTopics().names().get()).doesNotContain("never-created");
        }
    }

    @Test
    void failsToStartWithMessageNamingPortWhenPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> EmbeddedKafkaBroker.builder().port(port).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("Address already in use");
        }
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, List<String> values)
            throws InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
    }

    private static List<String> readValues(EmbeddedKafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(broker)) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
