package io.mediahooks.bench.report;

import java.util.Arrays;

/** A growable list of primitive longs: arrival times and latencies, without boxing. Not thread-safe. */
public final class LongList {

    private long[] values = new long[1024];
    private int size;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public void clear() {
        size = 0;
    }

    public int size() {
        return size;
    }

    public long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
