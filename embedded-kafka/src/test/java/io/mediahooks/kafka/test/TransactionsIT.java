package io.mediahooks.kafka.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

@WithKafka
class TransactionsIT {

    @Test
    void readCommittedSeesCommittedTransactionsButNotAbortedOne(KafkaTestBroker kafka) {
        String topic = kafka.uniqueTopic("tx");
        kafka.createTopic(topic, 1);
        Map<String, Object> config = kafka.producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueTopic("tx-producer"));

        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            inTransaction(producer, topic, List.of("committed-1", "committed-2"), true);
            inTransaction(producer, topic, List.of("aborted-1", "aborted-2"), false);
            inTransaction(producer, topic, List.of("committed-3"), true);
        }

        List<String> committed = values(kafka.readAll(topic, 3, Duration.ofSeconds(20)));
        assertThat(committed).containsExactly("committed-1", "committed-2", "committed-3");
        // The aborted records were written to the log: read_committed hid them, nothing else did.
        List<String> written = values(kafka.readAll(topic, 5, Duration.ofSeconds(20), IsolationLevel.READ_UNCOMMITTED));
        assertThat(written).containsExactly(
                "committed-1", "committed-2", "aborted-1", "aborted-2", "committed-3");
    }

    private static void inTransaction(KafkaProducer<byte[], byte[]> producer, String topic, List<String> values,
                                      boolean commit) {
        producer.beginTransaction();
        values.forEach(value -> producer.send(new ProducerRecord<>(topic, value.getBytes(UTF_8))));
        producer.flush();
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.abortTransaction();
        }
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), UTF_8)).toList();
    }
}
