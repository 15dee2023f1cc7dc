package io.mediahooks.router.state;

import io.mediahooks.model.json.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;

/**
 * Decoded values of the global stores, by their bytes. Every event reads its organization's
 * webhooks and secrets as bytes; they change only when a record of the table topics arrives, so
 * a hit (a hash and a comparison of the bytes) replaces a JSON decode. Least recently used
 * entries go first. Each stream thread has its own (its tasks share it), so the lock is uncontended.
 */
public final class DecodeCache<T> {

    private final JsonCodec<T> codec;
    private final Map<Bytes, T> decoded;

    /** @param capacity how many decoded values are kept */
    public DecodeCache(JsonCodec<T> codec, int capacity) {
        this.codec = codec;
        this.decoded = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, T> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value of {@code bytes}, which the router itself wrote after validating them. */
    public synchronized T decode(byte[] bytes) {
        Bytes key = Bytes.wrap(bytes);
        T value = decoded.get(key);
        if (value == null) {
            value = codec.decode(bytes);
            decoded.put(key, value);
        }
        return value;
    }

    synchronized int size() {
        return decoded.size();
    }
}
