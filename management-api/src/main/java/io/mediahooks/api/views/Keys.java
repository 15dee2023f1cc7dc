package io.mediahooks.api.views;

import java.time.Instant;

/**
 * Keys of the log views. Parts are joined by {@code \u0001} (ids never hold control characters),
 * times are 19-digit decimals so that the byte order of RocksDB is time order; "newest first"
 * keys use the inverted time.
 */
public final class Keys {

    public static final char SEP = '\u0001';
    /** Sorts after every key of a prefix: {@code range(prefix, prefix + END)} covers it all. */
    public static final char END = '\uffff';

    private Keys() {
    }

    public static String join(String... parts) {
        return String.join(String.valueOf(SEP), parts);
    }

    public static String time(long millis) {
        return String.format("%019d", Math.max(0, millis));
    }

    /** Newest first: the inverted time of {@code at}. */
    public static String newestFirst(Instant at) {
        return time(Long.MAX_VALUE - at.toEpochMilli());
    }

    public static String prefix(String... parts) {
        return join(parts) + SEP;
    }
}
