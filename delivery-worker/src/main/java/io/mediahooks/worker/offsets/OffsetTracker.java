package io.mediahooks.worker.offsets;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
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
        int held = Math.max(0, bytes);
        ledger.append(offset, held);
        ledger.pendingBytes += held;
        pendingBytes += held;
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
        int slot = ledger == null ? -1 : ledger.slotOf(offset);
        if (slot < 0 || ledger.state(slot) != State.PENDING) {
            return false;
        }
        int bytes = ledger.settle(slot, state);
        ledger.pendingBytes -= bytes;
        pendingBytes -= bytes;
        ledger.pending--;
        pending--;
        ledger.advance();
        return true;
    }

    /**
     * One partition: records handed out and not yet committable, oldest first, in a ring of
     * primitive columns. A record that stays pending (a request waiting out an endpoint's timeout)
     * keeps every later one here until it settles, tens of thousands at full rate; as objects
     * (a {@code TreeMap<Long, State>}, until 2026-12-07) they cost a boxed entry each, a tree
     * insertion on every hand-out and the GC's copying, and here 13 bytes each and a binary search.
     */
    private static final class Ledger {
        private static final int INITIAL_CAPACITY = 64;
        /** A ring this large or larger halves once it is less than an eighth full. */
        private static final int SHRINK_FROM = 4_096;
        private static final State[] STATES = State.values();
        private static final byte DONE = (byte) State.DONE.ordinal();

        private long[] offsets = new long[INITIAL_CAPACITY];
        private byte[] states = new byte[INITIAL_CAPACITY];
        private int[] sizes = new int[INITIAL_CAPACITY];
        /** Index of the oldest record in the ring, and how many it holds. */
        private int head;
        private int count;
        long pendingBytes;
        long lastDispatched = -1;
        long commitPoint = -1;
        long committed = -1;
        int pending;

        void append(long offset, int bytes) {
            if (count == offsets.length) {
                resize(offsets.length * 2);
            }
            int slot = (head + count) & (offsets.length - 1);
            offsets[slot] = offset;
            states[slot] = (byte) State.PENDING.ordinal();
            sizes[slot] = bytes;
            count++;
        }

        /** The ring slot of {@code offset}, or -1 when it is not held (offsets rise from head to tail). */
        int slotOf(long offset) {
            int low = 0;
            int high = count - 1;
            int mask = offsets.length - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                long found = offsets[(head + middle) & mask];
                if (found < offset) {
                    low = middle + 1;
                } else if (found > offset) {
                    high = middle - 1;
                } else {
                    return (head + middle) & mask;
                }
            }
            return -1;
        }

        State state(int slot) {
            return STATES[states[slot]];
        }

        /** Settles the pending record in {@code slot}; returns the bytes it held. */
        int settle(int slot, State state) {
            states[slot] = (byte) state.ordinal();
            int bytes = sizes[slot];
            sizes[slot] = 0;
            return bytes;
        }

        void advance() {
            int mask = offsets.length - 1;
            while (count > 0 && states[head] == DONE) {
                commitPoint = offsets[head] + 1;
                head = (head + 1) & mask;
                count--;
            }
            if (offsets.length >= SHRINK_FROM && count < offsets.length / 8) {
                resize(offsets.length / 2);
            }
        }

        private void resize(int capacity) {
            long[] movedOffsets = new long[capacity];
            byte[] movedStates = new byte[capacity];
            int[] movedSizes = new int[capacity];
            for (int i = 0; i < count; i++) {
                int from = (head + i) & (offsets.length - 1);
                movedOffsets[i] = offsets[from];
                movedStates[i] = states[from];
                movedSizes[i] = sizes[from];
            }
            offsets = movedOffsets;
            states = movedStates;
            sizes = movedSizes;
            head = 0;
        }
    }
}
