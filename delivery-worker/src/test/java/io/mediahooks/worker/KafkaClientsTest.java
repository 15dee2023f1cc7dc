package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.runtime.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    private final WorkerConfig config = WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
            "MEDIAHOOKS_KAFKA_ENABLE_AUTO_COMMIT", "true",
            "MEDIAHOOKS_KAFKA_ISOLATION_LEVEL", "read_uncommitted",
            "MEDIAHOOKS_KAFKA_ACKS", "1",
            "MEDIAHOOKS_KAFKA_MAX_POLL_RECORDS", "100",
            "MEDIAHOOKS_KAFKA_SESSION_TIMEOUT_MS", "10000",
            "MEDIAHOOKS_KAFKA_LINGER_MS", "20"))));

    @Test
    void passThroughMayTuneButNotOverrideWhatCorrectnessNeeds() {
        Map<String, Object> consumer = KafkaClients.consumer(config);
        assertThat(consumer)
                .containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("isolation.level", "read_committed")
                .containsEntry("group.id", "mediahooks-delivery-worker")
                .containsEntry("max.poll.records", "100")
                .containsEntry("session.timeout.ms", "10000");

        Map<String, Object> producer = KafkaClients.producer(config);
        assertThat(producer)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("linger.ms", "20")
                .containsEntry("max.in.flight.requests.per.connection", 1);
    }

    @Test
    void eachClientGetsOnlyTheKeysItKnows() {
        assertThat(KafkaClients.producer(config)).doesNotContainKeys("session.timeout.ms", "max.poll.records");
        assertThat(KafkaClients.consumer(config)).doesNotContainKeys("acks", "linger.ms");
        assertThat(KafkaClients.admin(config)).doesNotContainKeys("acks", "session.timeout.ms");
    }

    @Test
    void theViewConsumerHasNoGroup() {
        assertThat(KafkaClients.viewConsumer(config)).doesNotContainKey("group.id")
                .containsEntry("enable.auto.commit", false);
    }
}
