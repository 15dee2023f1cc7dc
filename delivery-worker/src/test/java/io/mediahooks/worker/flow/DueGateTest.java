package io.mediahooks.worker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DueGateTest {

    private static final TopicPartition RETRY_0 = new TopicPartition("webhook-retry-5s", 0);
    private static final TopicPartition RETRY_1 = new TopicPartition("webhook-retry-5s", 1);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final DueGate gate = new DueGate();

    @Test
    void holdsAPartitionUntilItsHeadIsDue() {
        gate.hold(RETRY_0, NOW.plusSeconds(5));

        assertThat(gate.held(NOW)).containsExactly(RETRY_0);
        assertThat(gate.held(NOW.plusSeconds(4))).containsExactly(RETRY_0);
        assertThat(gate.held(NOW.plusSeconds(5))).isEmpty();
        assertThat(gate.nextDue()).isEmpty();
    }

    @Test
    void nextDueIsTheEarliestHold() {
        gate.hold(RETRY_0, NOW.plusSeconds(30));
        gate.hold(RETRY_1, NOW.plusSeconds(2));

        assertThat(gate.nextDue()).hasValue(NOW.plusSeconds(2));
        assertThat(gate.held(NOW.plusSeconds(3))).containsExactly(RETRY_0);
    }

    @Test
    void forgetsRevokedPartitions() {
        gate.hold(RETRY_0, NOW.plusSeconds(30));
        gate.forget(List.of(RETRY_0));
        assertThat(gate.held(NOW)).isEmpty();
    }
}
