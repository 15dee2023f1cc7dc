package io.mediahooks.worker.view;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.worker.metrics.WorkerMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one record of {@code webhook-subscriptions}, {@code webhook-secrets} or
 * {@code webhook-operational-events} to the {@link WebhookDirectory}. A record is applied only when
 * it decodes, its key is the id inside it and, for a webhook, the {@link UrlPolicy} accepts its URL
 * (SPEC: a URL is validated the same way everywhere it enters). Any other record is skipped, logged
 * with its reason and position and counted; the previous version stays in force. Tombstones delete.
 */
public final class ViewUpdater {

    private static final Logger LOG = LoggerFactory.getLogger(ViewUpdater.class);

    private final Topic<SubscriptionId, Subscription> subscriptions;
    private final Topic<OrganizationId, OrganizationSecrets> secrets;
    private final Topic<SubscriptionId, OperationalEvent> operationalEvents;
    private final WebhookDirectory directory;
    private final UrlPolicy policy;
    private final WorkerMetrics metrics;

    public ViewUpdater(Topic<SubscriptionId, Subscription> subscriptions, Topic<OrganizationId, OrganizationSecrets> secrets,
                       Topic<SubscriptionId, OperationalEvent> operationalEvents, WebhookDirectory directory, UrlPolicy policy,
                       WorkerMetrics metrics) {
        this.subscriptions = subscriptions;
        this.secrets = secrets;
        this.operationalEvents = operationalEvents;
        this.directory = directory;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** The topics the view reads, every partition of each. */
    public List<String> topics() {
        return List.of(subscriptions.name(), secrets.name(), operationalEvents.name());
    }

    public void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (record.topic().equals(subscriptions.name())) {
                applySubscription(record);
            } else if (record.topic().equals(operationalEvents.name())) {
                applyOperationalEvent(record);
            } else {
                applySecrets(record);
            }
        } catch (SerializationException | IllegalArgumentException e) {
            // InvalidRecordException is a SerializationException; record constructors throw IllegalArgumentException.
            metrics.invalidViewRecord(record.topic());
            LOG.warn("Skipped invalid record {}-{}@{} with key {}, the previous version stays: {}", record.topic(),
                    record.partition(), record.offset(), keyText(record), e.getMessage());
        }
    }

    private void applySubscription(ConsumerRecord<byte[], byte[]> record) {
        SubscriptionId id = key(subscriptions, record);
        if (record.value() == null) {
            directory.removeSubscription(id);
            LOG.info("Webhook {} deleted", id);
            return;
        }
        Subscription subscription = subscriptions.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (!subscription.id().equals(id)) {
            throw new InvalidRecordException("id", "is " + subscription.id() + " but the record key is " + id);
        }
        policy.refusal(subscription.url()).ifPresent(reason -> {
            throw new InvalidRecordException("url", reason);
        });
        directory.putSubscription(subscription, record.offset());
        LOG.debug("Webhook {} now {} ({})", id, subscription.url(), subscription.enabled() ? "enabled" : "disabled");
    }

    private void applyOperationalEvent(ConsumerRecord<byte[], byte[]> record) {
        SubscriptionId id = key(operationalEvents, record);
        if (record.value() == null) {
            directory.removeHealth(id);
            return;
        }
        OperationalEvent event = operationalEvents.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (!event.subscriptionId().equals(id)) {
            throw new InvalidRecordException("subscription_id", "is " + event.subscriptionId() + " but the record key is " + id);
        }
        directory.putHealth(event);
        LOG.debug("Webhook {}: {} ({})", id, event.type().wireName(), event.reason());
    }

    private void applySecrets(ConsumerRecord<byte[], byte[]> record) {
        OrganizationId organization = key(secrets, record);
        if (record.value() == null) {
            directory.removeSecrets(organization);
            LOG.info("Secrets of organization {} removed", organization);
            return;
        }
        OrganizationSecrets value = secrets.valueSerde().deserializer().deserialize(record.topic(), record.value());
        if (!value.organizationId().equals(organization)) {
            throw new InvalidRecordException("organization_id", "is " + value.organizationId()
                    + " but the record key is " + organization);
        }
        directory.putSecrets(value);
        LOG.debug("Secrets of organization {} updated: {} secrets", organization, value.secrets().size());
    }

    private static String keyText(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "(none)" : new String(record.key(), StandardCharsets.UTF_8);
    }

    private static <K> K key(Topic<K, ?> topic, ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            throw new InvalidRecordException("key", "missing");
        }
        return topic.keySerde().deserializer().deserialize(record.topic(), record.key());
    }
}
