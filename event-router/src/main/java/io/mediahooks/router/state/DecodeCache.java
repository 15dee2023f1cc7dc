package io.mediahooks.router.state;

import io.mediahooks.model.json.JsonCodec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded values of the global stores, by store key. Every event reads its organization's
 * webhooks and secrets as bytes; they change only when a record of the table topics arrives, so a
 * hit (the key's hash and a comparison of the bytes with those decoded last) replaces a JSON
 * decode. Least recently used entries go first. Each stream thread has its own (its tasks share
 * it), so the lock is uncontended.
 */
public final class DecodeCache<T> {

    private final JsonCodec<T> codec;
    private final Map<String, Decoded<T>> decoded;

    private record Decoded<T>(byte[] bytes, T value) {
    }

    /** @param capacity how many decoded values are kept */
    public DecodeCache(JsonCodec<T> codec, int capacity) {
        this.codec = codec;
        this.decoded = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Decoded<T>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value of {@code bytes}, stored under {@code key}; the router itself wrote them after validating them. */
    public synchronized T decode(String key, byte[] bytes) {
        Decoded<T> last = decoded.get(key);
        if (last != null && Arrays.equals(last.bytes(), bytes)) {
            return last.value();
        }
        T value = codec.decode(bytes);
        decoded.put(key, new Decoded<>(bytes, value));
        return value;
    }

    synchronized int size() {
        return decoded.size();
    }
}
