package io.mediahooks.worker.offsets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which consumed records are complete, per partition, and so how far each partition may be
 * committed: only up to the contiguous prefix of complete records, whatever order they finish in.
 *
 * <p>Records are tracked in the order they were handed out, not by offset arithmetic, so gaps
 * left by transaction markers or compaction never hold a partition back. A record handed back
 * (its partition is being revoked before it started) stays a barrier: nothing after it is
 * committed, so the next owner starts from it. Not thread-safe: the poll thread owns it.
 */
public final class OffsetTracker {

    private enum State { PENDING, DONE, HANDED_BACK }

    private final Map<TopicPartition, Ledger> ledgers = new HashMap<>();
    private int pending;
    private long pendingBytes;

    /** Records that {@code offset} of {@code partition} was handed out; offsets must rise within a partition. */
    public void dispatched(TopicPartition partition, long offset) {
        dispatched(partition, offset, 0);
    }

    /** As {@link #dispatched(TopicPartition, long)}, for a record of {@code bytes} bytes held until it settles. */
    public void dispatched(TopicPartition partition, long offset, int bytes) {
        Ledger ledger = ledgers.computeIfAbsent(partition, tp -> new Ledger());
        if (offset <= ledger.lastDispatched) {
            throw new IllegalStateException("offset " + offset + " of " + partition + " dispatched after "
                    + ledger.lastDispatched);
        }
        ledger.lastDispatched = offset;
        ledger.outstanding.put(offset, State.PENDING);
        if (bytes > 0) {
            ledger.sizes.put(offset, bytes);
            ledger.pendingBytes += bytes;
            pendingBytes += bytes;
        }
        ledger.pending++;
        pending++;
        ledger.advance();
    }

    /** Marks a record complete; false when it is unknown (its partition was revoked or lost meanwhile). */
    public boolean completed(TopicPartition partition, long offset) {
        return settle(partition, offset, State.DONE);
    }

    /** Marks a record as handed back to the next owner: it will not complete, and nothing after it is committed. */
    public boolean handedBack(TopicPartition partition, long offset) {
        return settle(partition, offset, State.HANDED_BACK);
    }

    /** Records handed out and neither complete nor handed back, over all partitions. */
    public int pending() {
        return pending;
    }

    /** Bytes of the records handed out and neither complete nor handed back, over all partitions. */
    public long pendingBytes() {
        return pendingBytes;
    }

    /** Records handed out and neither complete nor handed back, in {@code partitions}. */
    public int pending(Collection<TopicPartition> partitions) {
        int count = 0;
        for (TopicPartition partition : partitions) {
            Ledger ledger = ledgers.get(partition);
            count += ledger == null ? 0 : ledger.pending;
        }
        return count;
    }

    /** The offset to commit for {@code partition} (the next record to read), if any record completed. */
    public OptionalLong commitPoint(TopicPartition partition) {
        Ledger ledger = ledgers.get(partition);
        return ledger == null || ledger.commitPoint < 0 ? OptionalLong.empty() : OptionalLong.of(ledger.commitPoint);
    }

    /** The commit points that moved since {@link #markCommitted} last saw them. */
    public Map<TopicPartition, Long> uncommitted() {
        Map<TopicPartition, Long> points = new HashMap<>();
        ledgers.forEach((partition, ledger) -> {
            if (ledger.commitPoint > ledger.committed) {
                points.put(partition, ledger.commitPoint);
            }
        });
        return points;
    }

    /** The commit points of {@code partitions}, moved or not, for a final synchronous commit. */
    public Map<TopicPartition, Long> commitPoints(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> points = new HashMap<>();
        for (TopicPartition partition : partitions) {
            commitPoint(partition).ifPresent(point -> points.put(partition, point));
        }
        return points;
    }

    /** Notes that these commit points were sent to Kafka. */
    public void markCommitted(Map<TopicPartition, Long> points) {
        points.forEach((partition, point) -> {
            Ledger ledger = ledgers.get(partition);
            if (ledger != null) {
                ledger.committed = Math.max(ledger.committed, point);
            }
        });
    }

    /** Notes that committing these points failed, so {@link #uncommitted} offers them again (unless a later one was sent). */
    public void markUncommitted(Map<TopicPartition, Long> points) {
        points.forEach((partition, point) -> {
            Ledger ledger = ledgers.get(partition);
            if (ledger != null && ledger.committed == point) {
                ledger.committed = -1;
            }
        });
    }

    /** Drops all state of partitions this worker no longer owns. */
    public void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Ledger ledger = ledgers.remove(partition);
            if (ledger != null) {
                pending -= ledger.pending;
                pendingBytes -= ledger.pendingBytes;
            }
        }
    }

    private boolean settle(TopicPartition partition, long offset, State state) {
        Ledger ledger = ledgers.get(partition);
        if (ledger == null || ledger.outstanding.get(offset) != State.PENDING) {
            return false;
        }
        ledger.outstanding.put(offset, state);
        Integer bytes = ledger.sizes.remove(offset);
        if (bytes != null) {
            ledger.pendingBytes -= bytes;
            pendingBytes -= bytes;
        }
        ledger.pending--;
        pending--;
        ledger.advance();
        return true;
    }

    /** One partition: records handed out and not yet committable, oldest first. */
    private static final class Ledger {
        final NavigableMap<Long, State> outstanding = new TreeMap<>();
        final Map<Long, Integer> sizes = new HashMap<>();
        long pendingBytes;
        long lastDispatched = -1;
        long commitPoint = -1;
        long committed = -1;
        int pending;

        void advance() {
            while (!outstanding.isEmpty() && outstanding.firstEntry().getValue() == State.DONE) {
                commitPoint = outstanding.pollFirstEntry().getKey() + 1;
            }
        }
    }
}
