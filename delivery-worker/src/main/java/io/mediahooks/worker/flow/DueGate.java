package io.mediahooks.worker.flow;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The retry partitions whose head record is not due yet, and when each becomes due. The poll loop
 * keeps these paused (after seeking back to the head), so a waiting retry costs no thread and no
 * fetch. Not thread-safe: the poll thread owns it.
 */
public final class DueGate {

    private final Map<TopicPartition, Instant> holds = new HashMap<>();

    /** Holds {@code partition} until {@code due}. */
    public void hold(TopicPartition partition, Instant due) {
        holds.put(partition, due);
    }

    /** The partitions still held at {@code now}; those whose time has come are let go. */
    public Set<TopicPartition> held(Instant now) {
        holds.values().removeIf(due -> !due.isAfter(now));
        return holds.keySet().stream().collect(Collectors.toUnmodifiableSet());
    }

    /** When the next held partition becomes due, if any is held. */
    public Optional<Instant> nextDue() {
        return holds.values().stream().min(Instant::compareTo);
    }

    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(holds::remove);
    }
}
