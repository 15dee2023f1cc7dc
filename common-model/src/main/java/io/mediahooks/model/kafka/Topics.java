package io.mediahooks.model.kafka;

import io.mediahooks.model.ApiKey;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.json.ApiKeyCodec;
import io.mediahooks.model.json.AttemptCodec;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.json.OperationalEventCodec;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of mediahooks, typed: the one place that says what each topic's key and value are
 * (SPEC.md, "Topics"). Build it from the configured {@link TopicNames}.
 */
public final class Topics {

    public static final Serde<OrganizationId> ORGANIZATION_ID = new IdSerde<>(OrganizationId::new, OrganizationId::value);
    public static final Serde<SubscriptionId> SUBSCRIPTION_ID = new IdSerde<>(SubscriptionId::new, SubscriptionId::value);
    public static final JsonSerde<MediaEvent> MEDIA_EVENT = new JsonSerde<>(MediaEventCodec.INSTANCE);
    public static final JsonSerde<Subscription> SUBSCRIPTION = new JsonSerde<>(SubscriptionCodec.INSTANCE);
    public static final JsonSerde<Delivery> DELIVERY = new JsonSerde<>(DeliveryCodec.INSTANCE);
    public static final JsonSerde<Attempt> ATTEMPT = new JsonSerde<>(AttemptCodec.INSTANCE);
    public static final JsonSerde<OperationalEvent> OPERATIONAL_EVENT = new JsonSerde<>(OperationalEventCodec.INSTANCE);
    public static final JsonSerde<ApiKey> API_KEY = new JsonSerde<>(ApiKeyCodec.INSTANCE);

    private final TopicNames names;

    public Topics(TopicNames names) {
        this.names = names;
    }

    public TopicNames names() {
        return names;
    }

    /** Key: any bytes (organization id recommended). Value: media event JSON. */
    public Topic<byte[], MediaEvent> mediaEvents() {
        return new Topic<>(names.mediaEvents(), Serdes.ByteArray(), MEDIA_EVENT, false);
    }

    /** Key and value: the rejected record's bytes as received; header {@code error}: the one-line reason. */
    public Topic<byte[], byte[]> mediaEventsInvalid() {
        return new Topic<>(names.mediaEventsInvalid(), Serdes.ByteArray(), Serdes.ByteArray(), false);
    }

    /** Key: subscription id. Value: subscription JSON; a tombstone deletes the webhook. Compacted. */
    public Topic<SubscriptionId, Subscription> subscriptions() {
        return new Topic<>(names.subscriptions(), SUBSCRIPTION_ID, SUBSCRIPTION, true);
    }

    /**
     * Key: organization id. Value: secrets JSON, each secret sealed as {@code atRest} says (see
     * docs/topics-and-records.md); a tombstone removes them. Compacted.
     */
    public Topic<OrganizationId, OrganizationSecrets> secrets(SecretsAtRest atRest) {
        return new Topic<>(names.secrets(), ORGANIZATION_ID, new JsonSerde<>(new OrganizationSecretsCodec(atRest)), true);
    }

    /** Key: subscription id. Value: delivery JSON, one event for one subscription, attempts 0. */
    public Topic<SubscriptionId, Delivery> deliveries() {
        return new Topic<>(names.deliveries(), SUBSCRIPTION_ID, DELIVERY, false);
    }

    /** Key: subscription id. Value: delivery JSON with its attempt count and {@code not_before}. */
    public Topic<SubscriptionId, Delivery> retry(Duration delay) {
        return new Topic<>(names.retryPrefix() + RetrySchedule.label(delay), SUBSCRIPTION_ID, DELIVERY, false);
    }

    /** One retry topic for each distinct delay of {@code schedule}, shortest first. */
    public List<Topic<SubscriptionId, Delivery>> retries(RetrySchedule schedule) {
        return schedule.distinctDelays().stream().map(this::retry).toList();
    }

    /** Key: subscription id. Value: delivery JSON with {@code last_attempt}, the attempt that ended it. */
    public Topic<SubscriptionId, Delivery> deadLetters() {
        return new Topic<>(names.deadLetters(), SUBSCRIPTION_ID, DELIVERY, false);
    }

    /** Key: subscription id. Value: attempt JSON, one record per attempt. */
    public Topic<SubscriptionId, Attempt> attempts() {
        return new Topic<>(names.attempts(), SUBSCRIPTION_ID, ATTEMPT, false);
    }

    /**
     * Key: subscription id. Value: operational event JSON ({@link OperationalEvent}): a webhook's
     * endpoint opened, recovered, or the webhook disabled. Compacted: the latest record per webhook is
     * its current health. A {@code disabled} record counts only while the webhook's current record on
     * {@link #subscriptions()} is at its {@code subscription_offset} (any update of the webhook wins).
     * Written by the delivery workers; created by them at start-up.
     */
    public Topic<SubscriptionId, OperationalEvent> operationalEvents() {
        return new Topic<>(names.operationalEvents(), SUBSCRIPTION_ID, OPERATIONAL_EVENT, true);
    }

    /** Key: API key id. Value: API key JSON (a hash, never the key); a tombstone revokes the key. Compacted. */
    public Topic<String, ApiKey> apiKeys() {
        return new Topic<>(names.apiKeys(), Serdes.String(), API_KEY, true);
    }

    /** Every topic a deployment with {@code schedule} uses, for creating them at start-up. */
    public List<Topic<?, ?>> all(RetrySchedule schedule) {
        List<Topic<?, ?>> all = new ArrayList<>(List.of(mediaEvents(), mediaEventsInvalid(), subscriptions(),
                new Topic<>(names.secrets(), ORGANIZATION_ID, Serdes.ByteArray(), true),
                deliveries(), deadLetters(), attempts(), operationalEvents(), apiKeys()));
        all.addAll(retries(schedule));
        return all;
    }
}
