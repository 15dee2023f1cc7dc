package io.mediahooks.router.stream;

import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.router.routing.OrganizationWebhooks;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;

/**
 * An organization's webhooks in the router's store and its changelog: JSON Lines, one
 * subscription (SPEC's JSON) per line. Encoded JSON never holds a raw newline, so the framing is
 * unambiguous, and the changelog stays readable with any console consumer.
 *
 * <p>Every event reads its organization's webhooks from the store as bytes, and decoding them
 * was the largest cost of routing in a profile of the throughput benchmark. The bytes of an
 * organization change only when its webhooks do, so each stream thread keeps the values it
 * decoded last, by content: a hit costs a hash and a comparison of the bytes.
 */
public final class OrganizationWebhooksSerde implements Serde<OrganizationWebhooks> {

    private static final byte NEWLINE = '\n';
    private static final int CACHED_PER_THREAD = 1024;

    // One per stream thread, so no lock; the values are immutable.
    private static final ThreadLocal<Map<Bytes, OrganizationWebhooks>> DECODED = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Bytes, OrganizationWebhooks> eldest) {
                    return size() > CACHED_PER_THREAD;
                }
            });

    @Override
    public Serializer<OrganizationWebhooks> serializer() {
        return (topic, webhooks) -> webhooks == null ? null : encode(webhooks);
    }

    @Override
    public Deserializer<OrganizationWebhooks> deserializer() {
        return (topic, bytes) -> bytes == null ? null : DECODED.get().computeIfAbsent(Bytes.wrap(bytes), key -> decode(bytes));
    }

    static byte[] encode(OrganizationWebhooks webhooks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Subscription subscription : webhooks.all()) {
            if (out.size() > 0) {
                out.write(NEWLINE);
            }
            out.writeBytes(SubscriptionCodec.INSTANCE.encode(subscription));
        }
        return out.toByteArray();
    }

    static OrganizationWebhooks decode(byte[] bytes) {
        List<Subscription> subscriptions = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == NEWLINE) {
                if (i > start) {
                    subscriptions.add(SubscriptionCodec.INSTANCE.decode(Arrays.copyOfRange(bytes, start, i)));
                }
                start = i + 1;
            }
        }
        return OrganizationWebhooks.of(subscriptions);
    }
}
