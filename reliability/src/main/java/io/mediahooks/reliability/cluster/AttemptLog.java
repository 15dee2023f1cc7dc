package io.mediahooks.reliability.cluster;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.kafka.Topics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code webhook-attempts} and {@code webhook-dead-letters} say happened, read to their end
 * ({@code read_committed}) after a scenario: the audit trail a customer sees in the delivery log.
 *
 * @param records        attempt records
 * @param byOutcome      attempt records per outcome
 * @param deliveredIds   deliveries with a {@code delivered} attempt
 * @param mostAttempts   the highest attempt number of each delivery, by delivery id
 * @param deadLetters    the dead-lettered deliveries
 */
public record AttemptLog(long records, Map<AttemptOutcome, Long> byOutcome, Set<String> deliveredIds,
                         Map<String, Integer> mostAttempts, List<Delivery> deadLetters) {

    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    public static AttemptLog read(String bootstrapServers, Topics topics) {
        List<Attempt> attempts = TopicReader.readAll(bootstrapServers, topics.attempts(), READ_TIMEOUT);
        Map<AttemptOutcome, Long> byOutcome = new EnumMap<>(AttemptOutcome.class);
        Map<String, Integer> most = new HashMap<>();
        for (Attempt attempt : attempts) {
            byOutcome.merge(attempt.outcome(), 1L, Long::sum);
            most.merge(attempt.deliveryId().value(), attempt.attempt(), Math::max);
        }
        Set<String> delivered = attempts.stream().filter(attempt -> attempt.outcome() == AttemptOutcome.DELIVERED)
                .map(attempt -> attempt.deliveryId().value()).collect(Collectors.toSet());
        List<Delivery> deadLetters = TopicReader.readAll(bootstrapServers, topics.deadLetters(), READ_TIMEOUT);
        return new AttemptLog(attempts.size(), byOutcome, delivered, most, deadLetters);
    }

    /** Expected deliveries with no {@code delivered} attempt on the log. */
    public long unlogged(Set<String> expectedIds) {
        return expectedIds.stream().filter(id -> !deliveredIds.contains(id)).count();
    }

    public long count(AttemptOutcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }

    /** The outcomes in a few words: {@code delivered 100,012, retry_scheduled 3}. */
    public String outcomes() {
        return byOutcome.entrySet().stream().map(entry -> entry.getKey().wireName() + " " + String.format("%,d", entry.getValue()))
                .collect(Collectors.joining(", "));
    }
}
