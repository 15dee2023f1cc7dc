package io.mediahooks.kafka.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.Test;

@WithKafka
class KafkaBrokerExtensionIT {

    private final KafkaTestBroker kafka;

    KafkaBrokerExtensionIT(KafkaTestBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void injectsOneSharedBrokerIntoConstructorAndMethods(KafkaTestBroker injected) {
        assertThat(injected).isSameAs(kafka);
        assertThat(kafka.bootstrapServers()).startsWith("localhost:");
    }

    @Test
    void recordsFromIdempotentProducerReachConsumerGroupInOrder() {
        String topic = kafka.uniqueTopic("orders");
        kafka.createTopic(topic, 1);
        List<String> sent = IntStream.range(0, 100).mapToObj(i -> "record-" + i).toList();

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producerConfig())) {
            sent.forEach(value -> producer.send(new ProducerRecord<>(topic, value.getBytes(UTF_8))));
        }

        List<String> received = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(kafka.consumerConfig(kafka.uniqueTopic("group")))) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100)).forEach(r -> received.add(new String(r.value(), UTF_8)));
                return received.size() >= sent.size();
            });
        }
        assertThat(received).containsExactlyElementsOf(sent);
    }

    @Test
    void readAllReturnsWhatArrivedWhenFewerThanExpected() {
        String topic = kafka.uniqueTopic("short");
        kafka.createTopic(topic, 2);
        kafka.send(topic, "k".getBytes(UTF_8), "only".getBytes(UTF_8));

        var records = kafka.readAll(topic, 5, Duration.ofSeconds(1));

        assertThat(records).extracting(r -> new String(r.value(), UTF_8)).containsExactly("only");
    }

    @Test
    void readAllNamesTopicThatDoesNotExist() {
        assertThatThrownBy(() -> kafka.readAll(kafka.uniqueTopic("missing"), 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void createTopicRefusesExistingTopicSoCollidingTestsFail() {
        String topic = kafka.uniqueTopic("twice");
        kafka.createTopic(topic, 1);

        assertThatThrownBy(() -> kafka.createTopic(topic, 1))
                .isInstanceOf(KafkaException.class)
                .hasCauseInstanceOf(TopicExistsException.class);
    }

    @Test
    void compactedTopicHasCompactCleanupPolicyAndRequestedPartitions() throws Exception {
        String topic = kafka.uniqueTopic("profiles");
        kafka.createCompactedTopic(topic, 3);

        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource);
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                .hasSize(3);
    }

    @Test
    void uniqueTopicNeverRepeatsAndRejectsIllegalNames() {
        Set<String> names = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> names.add(kafka.uniqueTopic("t")));

        assertThat(names).hasSize(1_000).allMatch(name -> name.matches("t-[a-zA-Z0-9._-]+"));
        assertThatThrownBy(() -> kafka.uniqueTopic("no spaces")).isInstanceOf(IllegalArgumentException.class);
    }
}
