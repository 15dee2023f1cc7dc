package io.mediahooks.reliability.input;

import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.kafka.TopicNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes the bad records shuffled among valid events (on {@code media-events}) and valid
 * deliveries and retries (straight onto the worker's topics, as the router and the worker would
 * write them), and notes which records the broker took and which it refused.
 */
final class Interleaving {

    /** Every tenth valid record has no key: valid all the same (any key is accepted). */
    private static final int NULL_KEY_EVERY = 10;

    /**
     * @param expectedDeliveries the {@code webhook-id} of every delivery the valid records must make
     * @param accepted           the bad records the broker took
     * @param refused            the bad records the broker refused, with why
     */
    record Published(int validEvents, int validDeliveries, Set<String> expectedDeliveries, List<BadRecord> accepted,
                     Map<BadRecord, String> refused) {
    }

    private record Item(ProducerRecord<byte[], byte[]> record, BadRecord bad) {
    }

    private Interleaving() {
    }

    static Published publish(KafkaSide kafka, Fixture fixture, Corpus corpus, int events, int deliveries, long seed) {
        TopicNames names = kafka.topics().names();
        List<Item> items = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        for (int i = 0; i < events; i++) {
            MediaEvent event = fixture.event("evt_ok_" + i);
            expected.addAll(fixture.expectedDeliveries(event));
            byte[] key = i % NULL_KEY_EVERY == 0 ? null : utf8(event.organizationId().value());
            items.add(new Item(record(names.mediaEvents(), key, MediaEventCodec.INSTANCE.encode(event), "valid-event-" + i), null));
        }
        for (int i = 0; i < deliveries; i++) {
            for (InputTopic topic : List.of(InputTopic.DELIVERIES, InputTopic.RETRIES)) {
                Delivery delivery = fixture.delivery(fixture.event("evt_ok_" + topic.name().toLowerCase() + "_" + i),
                        topic == InputTopic.RETRIES);
                expected.add(delivery.deliveryId().value());
                byte[] key = i % NULL_KEY_EVERY == 0 ? null : utf8(delivery.subscriptionId().value());
                items.add(new Item(record(topic.nameIn(names), key, DeliveryCodec.INSTANCE.encode(delivery),
                        "valid-" + topic.name().toLowerCase() + "-" + i), null));
            }
        }
        List<Item> refusable = new ArrayList<>();
        for (BadRecord bad : corpus.records()) {
            Item item = new Item(record(bad.topic().nameIn(names), bad.key(), bad.value(), bad.id()), bad);
            (brokerMayRefuse(bad) ? refusable : items).add(item);
        }
        Collections.shuffle(items, new Random(seed));
        List<BadRecord> accepted = new ArrayList<>();
        Map<BadRecord, String> refused = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka, false)) {
            send(producer, items, accepted, refused);
        }
        // Those the broker may refuse from a producer of their own that lets them through, one at a time, so that the
        // broker is the one to refuse them and a refused batch never takes a valid record with it.
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka, true)) {
            for (Item item : refusable) {
                send(producer, List.of(item), accepted, refused);
            }
        }
        return new Published(events, 2 * deliveries, expected, accepted, refused);
    }

    /** Over the broker's size limit, or no key on a compacted topic (the broker refuses both). */
    private static boolean brokerMayRefuse(BadRecord bad) {
        boolean compacted = bad.topic() == InputTopic.SUBSCRIPTIONS || bad.topic() == InputTopic.SECRETS;
        return bad.damage() == Damage.OVER_LIMIT || (compacted && bad.key() == null);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, List<Item> items, List<BadRecord> accepted,
                             Map<BadRecord, String> refused) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        items.forEach(item -> sent.add(producer.send(item.record())));
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            try {
                sent.get(i).get(120, TimeUnit.SECONDS);
                if (item.bad() != null) {
                    accepted.add(item.bad());
                }
            } catch (ExecutionException e) {
                if (item.bad() == null) {
                    throw new IllegalStateException("a valid record was not published: " + e.getCause(), e);
                }
                refused.put(item.bad(), e.getCause().getClass().getSimpleName());
            } catch (TimeoutException e) {
                throw new IllegalStateException("the broker did not answer within 120 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaSide kafka, boolean refusable) {
        Map<String, Object> config = KafkaSide.producerConfig(kafka.bootstrapServers());
        if (refusable) {
            config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * Mutations.ONE_MB);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
            config.put(ProducerConfig.RETRIES_CONFIG, 0);
            config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        }
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, byte[] key, byte[] value, String id) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(BadRecord.ID_HEADER, utf8(id));
        return new ProducerRecord<>(topic, null, null, key, value, headers);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
