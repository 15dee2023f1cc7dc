package io.mediahooks.kafka.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;

@WithKafka
class StreamsJoinIT {

    @Test
    void exactlyOnceStreamTableJoinEmitsOnlyEventsWithAMatchingProfile(KafkaTestBroker kafka) throws Exception {
        String events = kafka.uniqueTopic("events");
        String profiles = kafka.uniqueTopic("profiles");
        String enriched = kafka.uniqueTopic("enriched");
        // One partition each: the join needs co-partitioned inputs, and one partition makes the
        // processing order, hence the absence of the unmatched event, deterministic.
        kafka.createTopic(events, 1);
        kafka.createCompactedTopic(profiles, 1);
        kafka.createTopic(enriched, 1);

        // Streams processes the buffered inputs of a task in timestamp order: profiles stamped
        // before the events are in the table by the time the events are joined.
        long start = System.currentTimeMillis();
        send(kafka, profiles, start, "u1", "alice-old");
        send(kafka, profiles, start + 1, "u1", "alice");
        send(kafka, profiles, start + 2, "u2", "bob");
        send(kafka, events, start + 10, "u1", "play");
        send(kafka, events, start + 11, "u3", "skip");
        send(kafka, events, start + 12, "u2", "pause");

        Properties config = new Properties();
        config.putAll(kafka.streamsConfig(kafka.uniqueTopic("join-app")));
        try (KafkaStreams streams = new KafkaStreams(joinTopology(events, profiles, enriched), config)) {
            streams.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            // Output is transactional (exactly_once_v2): readAll only sees it once committed.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> kafka.readAll(enriched, 2, Duration.ofMillis(500)).size() >= 2);
            assertThat(keyValues(kafka.readAll(enriched, 2, Duration.ofSeconds(5))))
                    .containsExactly("u1=play by alice", "u2=pause by bob");
            streams.close(Duration.ofSeconds(10));
        }
    }

    private static Topology joinTopology(String events, String profiles, String enriched) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, String> profileTable = builder.table(profiles, Consumed.with(Serdes.String(), Serdes.String()));
        builder.stream(events, Consumed.with(Serdes.String(), Serdes.String()))
                .join(profileTable, (event, profile) -> event + " by " + profile)
                .to(enriched, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static void send(KafkaTestBroker kafka, String topic, long timestamp, String key, String value)
            throws Exception {
        kafka.producer().send(new ProducerRecord<>(topic, null, timestamp, key.getBytes(UTF_8), value.getBytes(UTF_8)))
                .get();
    }

    private static List<String> keyValues(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream()
                .map(r -> new String(r.key(), UTF_8) + "=" + new String(r.value(), UTF_8))
                .toList();
    }
}
