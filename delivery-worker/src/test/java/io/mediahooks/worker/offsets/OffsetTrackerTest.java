package io.mediahooks.worker.offsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("webhook-deliveries", 0);
    private static final TopicPartition P1 = new TopicPartition("webhook-deliveries", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyTheContiguousCompletedPrefix() {
        tracker.dispatched(P0, 10);
        tracker.dispatched(P0, 11);
        tracker.dispatched(P0, 12);

        tracker.completed(P0, 11);
        tracker.completed(P0, 12);
        assertThat(tracker.commitPoint(P0)).isEmpty();

        tracker.completed(P0, 10);
        assertThat(tracker.commitPoint(P0)).hasValue(13);
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void gapsInOffsetsDoNotHoldAPartitionBack() {
        // Transaction markers leave gaps: offsets 5 and 6 are never handed out.
        tracker.dispatched(P0, 4);
        tracker.dispatched(P0, 7);
        tracker.completed(P0, 7);
        tracker.completed(P0, 4);

        assertThat(tracker.commitPoint(P0)).hasValue(8);
    }

    @Test
    void aHandedBackRecordIsABarrierForTheNextOwner() {
        tracker.dispatched(P0, 1);
        tracker.dispatched(P0, 2);
        tracker.dispatched(P0, 3);
        tracker.completed(P0, 1);
        tracker.handedBack(P0, 2);
        tracker.completed(P0, 3);

        assertThat(tracker.commitPoint(P0)).hasValue(2);
        assertThat(tracker.pending(List.of(P0))).isZero();
    }

    @Test
    void partitionsAreIndependent() {
        tracker.dispatched(P0, 1);
        tracker.dispatched(P1, 1);
        tracker.completed(P1, 1);

        assertThat(tracker.commitPoint(P0)).isEmpty();
        assertThat(tracker.commitPoint(P1)).hasValue(2);
        assertThat(tracker.pending(List.of(P0))).isEqualTo(1);
        assertThat(tracker.pending(List.of(P1))).isZero();
    }

    @Test
    void reportsOnlyCommitPointsThatMovedSinceTheLastCommit() {
        tracker.dispatched(P0, 1);
        tracker.completed(P0, 1);
        Map<TopicPartition, Long> first = tracker.uncommitted();
        assertThat(first).containsExactly(Map.entry(P0, 2L));

        tracker.markCommitted(first);
        assertThat(tracker.uncommitted()).isEmpty();
        assertThat(tracker.commitPoints(List.of(P0))).containsExactly(Map.entry(P0, 2L));

        tracker.dispatched(P0, 2);
        tracker.completed(P0, 2);
        assertThat(tracker.uncommitted()).containsExactly(Map.entry(P0, 3L));
    }

    @Test
    void aFailedCommitIsOfferedAgainUnlessALaterOneWasSent() {
        tracker.dispatched(P0, 1);
        tracker.completed(P0, 1);
        Map<TopicPartition, Long> first = tracker.uncommitted();
        tracker.markCommitted(first);
        tracker.markUncommitted(first);
        assertThat(tracker.uncommitted()).containsExactly(Map.entry(P0, 2L));

        tracker.markCommitted(first);
        tracker.dispatched(P0, 2);
        tracker.completed(P0, 2);
        Map<TopicPartition, Long> second = tracker.uncommitted();
        tracker.markCommitted(second);
        tracker.markUncommitted(first);
        assertThat(tracker.uncommitted()).as("the later commit already covers the failed one").isEmpty();
    }

    @Test
    void forgetsRevokedPartitionsAndIgnoresTheirLateCompletions() {
        tracker.dispatched(P0, 1);
        tracker.dispatched(P0, 2);
        tracker.forget(List.of(P0));

        assertThat(tracker.pending()).isZero();
        assertThat(tracker.completed(P0, 1)).isFalse();
        assertThat(tracker.commitPoint(P0)).isEmpty();
    }

    @Test
    void settlingTwiceCountsOnce() {
        tracker.dispatched(P0, 1);
        assertThat(tracker.completed(P0, 1)).isTrue();
        assertThat(tracker.completed(P0, 1)).isFalse();
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void refusesOffsetsHandedOutOfOrder() {
        tracker.dispatched(P0, 5);
        assertThatThrownBy(() -> tracker.dispatched(P0, 5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> tracker.dispatched(P0, 4)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReassignedPartitionStartsAFreshLedger() {
        tracker.dispatched(P0, 9);
        tracker.forget(List.of(P0));
        tracker.dispatched(P0, 3);
        tracker.completed(P0, 3);
        assertThat(tracker.commitPoint(P0)).hasValue(4);
    }

    @Test
    void aHeadHeldWhileTheRingWrapsGrowsAndShrinksKeepsEveryLaterRecord() {
        // The first 50 settle, so the ring's head has moved when it has to grow around it.
        for (long offset = 0; offset < 50; offset++) {
            tracker.dispatched(P0, offset, 10);
            tracker.completed(P0, offset);
        }
        List<Long> behind = new ArrayList<>();
        tracker.dispatched(P0, 50, 7);
        for (long offset = 51; offset < 20_050; offset++) {
            tracker.dispatched(P0, offset, 10);
            behind.add(offset);
        }
        Collections.shuffle(behind, new Random(7));
        behind.forEach(offset -> assertThat(tracker.completed(P0, offset)).isTrue());

        assertThat(tracker.commitPoint(P0)).hasValue(50);
        assertThat(tracker.pending()).isEqualTo(1);
        assertThat(tracker.pendingBytes()).isEqualTo(7);

        assertThat(tracker.completed(P0, 50)).isTrue();
        assertThat(tracker.commitPoint(P0)).hasValue(20_050);
        assertThat(tracker.pendingBytes()).isZero();

        tracker.dispatched(P0, 20_050, 10);
        tracker.dispatched(P0, 20_051, 10);
        tracker.completed(P0, 20_051);
        assertThat(tracker.completed(P0, 49)).isFalse();
        assertThat(tracker.commitPoint(P0)).hasValue(20_050);
        assertThat(tracker.pendingBytes()).isEqualTo(10);
    }

    @Test
    void agreesWithAPlainModelOverRandomHandOutsAndSettlements() {
        Random random = new Random(20261207);
        TreeMap<Long, Character> model = new TreeMap<>();
        Map<Long, Integer> modelBytes = new HashMap<>();
        long modelPendingBytes = 0;
        List<Long> pendingOffsets = new ArrayList<>();
        long next = 0;
        long modelCommitPoint = -1;
        for (int step = 0; step < 200_000; step++) {
            if (pendingOffsets.isEmpty() || random.nextInt(100) < 52) {
                next += 1 + random.nextInt(3);
                int bytes = random.nextInt(1_000);
                tracker.dispatched(P0, next, bytes);
                model.put(next, 'P');
                modelBytes.put(next, bytes);
                modelPendingBytes += bytes;
                pendingOffsets.add(next);
            } else {
                // Mostly the newest settle first, so a few old ones stay pending long.
                int index = pendingOffsets.size() - 1 - (int) Math.min(pendingOffsets.size() - 1,
                        Math.abs(random.nextGaussian()) * 40);
                long offset = pendingOffsets.remove(index);
                // A handed-back record is a barrier for good: only near the end, so the prefix moves until then.
                boolean handedBack = step > 190_000 && random.nextInt(1_000) == 0;
                assertThat(handedBack ? tracker.handedBack(P0, offset) : tracker.completed(P0, offset)).isTrue();
                model.put(offset, handedBack ? 'H' : 'D');
                modelPendingBytes -= modelBytes.remove(offset);
                while (!model.isEmpty() && model.firstEntry().getValue() == 'D') {
                    modelCommitPoint = model.pollFirstEntry().getKey() + 1;
                }
            }
            assertThat(tracker.pending()).isEqualTo(pendingOffsets.size());
            assertThat(tracker.pendingBytes()).isEqualTo(modelPendingBytes);
            if (modelCommitPoint >= 0) {
                assertThat(tracker.commitPoint(P0)).hasValue(modelCommitPoint);
            } else {
                assertThat(tracker.commitPoint(P0)).isEmpty();
            }
        }
    }
}
