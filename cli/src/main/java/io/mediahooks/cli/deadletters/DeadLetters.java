package io.mediahooks.cli.deadletters;

import io.mediahooks.model.DeadLetterFilter;
import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.cli.kafka.TopicReader;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.kafka.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the dead letters matching a filter, the latest copy of each delivery once. */
final class DeadLetters {

    /** One dead letter and when it was dead-lettered. */
    record Entry(Delivery delivery, Instant deadLetteredAt) {
    }

    private DeadLetters() {
    }

    /**
     * The dead letters on the topic now that match {@code filter}, oldest first. A delivery that
     * was replayed and dead-lettered again appears once, with its latest record.
     */
    static List<Entry> read(KafkaSession kafka, CliContext context, DeadLetterFilter filter) {
        String topic = kafka.topics().deadLetters().name();
        kafka.requireTopics(topic, kafka.topics().deliveries().name());
        Map<DeliveryId, Entry> latest = new LinkedHashMap<>();
        try (var consumer = kafka.newReader()) {
            new TopicReader(consumer, topic).readSnapshot(record -> {
                Delivery delivery;
                try {
                    delivery = Topics.DELIVERY.deserializer().deserialize(topic, record.value());
                } catch (InvalidRecordException e) {
                    context.warn("skipped an invalid dead letter at partition " + record.partition() + " offset "
                            + record.offset() + ": " + e.getMessage());
                    return;
                }
                Instant recordTime = Instant.ofEpochMilli(record.timestamp());
                if (delivery != null && filter.matches(delivery, recordTime)) {
                    latest.remove(delivery.deliveryId());
                    latest.put(delivery.deliveryId(), new Entry(delivery, DeadLetterFilter.deadLetteredAt(delivery, recordTime)));
                }
            });
        }
        List<Entry> entries = new ArrayList<>(latest.values());
        entries.sort((a, b) -> a.deadLetteredAt().compareTo(b.deadLetteredAt()));
        return entries;
    }

    /** {@code <dead-lettered at> <webhook> <event_type> <event_id> <delivery id> after <n> attempts: <last outcome>}. */
    static String line(Entry entry) {
        Delivery delivery = entry.delivery();
        StringBuilder line = new StringBuilder()
                .append(RfcTimestamp.of(entry.deadLetteredAt().truncatedTo(ChronoUnit.SECONDS)).text()).append(' ')
                .append(delivery.subscriptionId()).append(' ')
                .append(delivery.eventType()).append(' ')
                .append(delivery.eventId()).append(' ')
                .append(delivery.deliveryId())
                .append(" after ").append(delivery.attempts()).append(delivery.attempts() == 1 ? " attempt" : " attempts");
        delivery.lastAttempt().ifPresent(last -> {
            line.append(": ");
            if (last.status().isPresent()) {
                line.append(last.status().getAsInt());
            }
            last.error().ifPresent(error -> line.append(last.status().isPresent() ? " " : "").append(error));
            line.append(" from ").append(last.url());
        });
        return line.toString();
    }
}
