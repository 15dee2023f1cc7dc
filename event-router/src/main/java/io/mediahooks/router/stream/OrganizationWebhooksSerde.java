package io.mediahooks.router.stream;

import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.router.routing.OrganizationWebhooks;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An organization's webhooks in the router's state store and its changelog: JSON Lines, one
 * subscription (SPEC's JSON) per line. Encoded JSON never holds a raw newline, so the framing is
 * unambiguous, and the changelog stays readable with any console consumer.
 */
public final class OrganizationWebhooksSerde implements Serde<OrganizationWebhooks> {

    private static final byte NEWLINE = '\n';

    @Override
    public Serializer<OrganizationWebhooks> serializer() {
        return (topic, webhooks) -> webhooks == null ? null : encode(webhooks);
    }

    @Override
    public Deserializer<OrganizationWebhooks> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
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
