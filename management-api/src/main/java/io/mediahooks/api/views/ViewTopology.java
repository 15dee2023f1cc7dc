package io.mediahooks.api.views;

import io.mediahooks.api.ApiConfig;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.DeadLetterFilter;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.ApiKeyCodec;
import io.mediahooks.model.json.AttemptCodec;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.OperationalEventCodec;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.safety.UrlPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the API's views: one global store per topic, so that every instance holds a complete copy,
 * is restored to the end of each topic before it reports RUNNING, and answers without asking
 * another instance. Tables keep the latest valid record per key; logs are indexed for their queries
 * (see {@link Keys}) and kept for the view retention.
 */
public final class ViewTopology {

    public static final String SUBSCRIPTIONS = "api-subscriptions";
    public static final String SECRETS = "api-secrets";
    public static final String API_KEYS = "api-keys";
    public static final String JOBS = "api-jobs";
    public static final String ATTEMPTS = "api-attempts";
    public static final String DELIVERIES = "api-deliveries";
    public static final String DEAD_LETTERS = "api-dead-letters";
    public static final String OPERATIONAL = "api-operational-events";

    /** Attempts of a webhook, newest first: {@code a, subscription, inverted time, delivery id, attempt}. */
    public static final String BY_WEBHOOK = "a";
    /** Attempts of a delivery, oldest first: {@code d, delivery id, time, attempt}. */
    public static final String BY_DELIVERY = "d";
    /** Dead letters of a webhook, newest first: {@code w, subscription, inverted time, delivery id}. */
    public static final String DEAD_BY_WEBHOOK = "w";
    /** Dead letters of an organization, newest first: {@code o, organization, inverted time, delivery id}. */
    public static final String DEAD_BY_ORGANIZATION = "o";
    /** The latest dead letter of a delivery: {@code x, delivery id}. */
    public static final String DEAD_LATEST = "x";

    private ViewTopology() {
    }

    public static void build(StreamsBuilder builder, ApiConfig config, ViewUpdates updates) {
        var names = config.topics().names();
        // Offsets kept: a disable of the workers counts only while it names the webhook's current record.
        // Webhooks and keys are also indexed by organization, so a listing reads only the caller's.
        // A webhook whose URL the policy refuses is not applied, as in the router's and the workers' views
        // (the previous version stays): the API shows what is delivered to, whoever wrote the record.
        UrlPolicy urlPolicy = config.urlPolicy();
        table(builder, SUBSCRIPTIONS, names.subscriptions(), updates, true, (key, value) -> {
            Subscription subscription = SubscriptionCodec.INSTANCE.decode(value);
            if (!subscription.id().value().equals(key)) {
                throw new InvalidRecordException("id", "differs from the record key " + key);
            }
            urlPolicy.refusal(subscription.url()).ifPresent(reason -> {
                throw new InvalidRecordException("url", reason);
            });
        }, value -> SubscriptionCodec.INSTANCE.decode(value).organizationId().value());
        // Opened only to check it: the store keeps the record's bytes, secrets sealed.
        OrganizationSecretsCodec secrets = new OrganizationSecretsCodec(config.secrets().atRest());
        table(builder, SECRETS, names.secrets(), updates, false, (key, value) -> secrets.decode(value), null);
        table(builder, API_KEYS, names.apiKeys(), updates, false, (key, value) -> ApiKeyCodec.INSTANCE.decode(value),
                value -> ApiKeyCodec.INSTANCE.decode(value).organizationId().value());
        table(builder, JOBS, config.jobsTopic(), updates, false, (key, value) -> RecoverJobCodec.decode(value), null);
        table(builder, OPERATIONAL, names.operationalEvents(), updates, false,
                (key, value) -> OperationalEventCodec.INSTANCE.decode(value), null);
        Duration retention = config.viewRetention();
        log(builder, ATTEMPTS, names.attempts(), retention, updates, ViewTopology::indexAttempt);
        log(builder, DELIVERIES, names.deliveries(), retention, updates, ViewTopology::indexDelivery);
        log(builder, DEAD_LETTERS, names.deadLetters(), retention, updates, ViewTopology::indexDeadLetter);
    }

    static LogIndexProcessor.Indexed indexAttempt(byte[] value, long recordTimestamp) {
        Attempt attempt = AttemptCodec.INSTANCE.decode(value);
        String number = String.format("%05d", attempt.attempt());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(Keys.join(BY_WEBHOOK, attempt.subscriptionId().value(), Keys.newestFirst(attempt.attemptedAt()),
                attempt.deliveryId().value(), number), value);
        entries.put(Keys.join(BY_DELIVERY, attempt.deliveryId().value(), Keys.time(attempt.attemptedAt().toEpochMilli()),
                number), value);
        return new LogIndexProcessor.Indexed(attempt.attemptedAt().toEpochMilli(), entries, null);
    }

    static LogIndexProcessor.Indexed indexDelivery(byte[] value, long recordTimestamp) {
        Delivery delivery = DeliveryCodec.INSTANCE.decode(value);
        // The latest routing (or replay) of a delivery: its body and where it was sent.
        String key = Keys.join(BY_DELIVERY, delivery.deliveryId().value());
        return new LogIndexProcessor.Indexed(recordTimestamp, Map.of(key, value), Keys.join("r", delivery.deliveryId().value()));
    }

    static LogIndexProcessor.Indexed indexDeadLetter(byte[] value, long recordTimestamp) {
        Delivery delivery = DeliveryCodec.INSTANCE.decode(value);
        long at = DeadLetterFilter.deadLetteredAt(delivery, Instant.ofEpochMilli(recordTimestamp)).toEpochMilli();
        String newest = Keys.newestFirst(Instant.ofEpochMilli(at));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(Keys.join(DEAD_BY_WEBHOOK, delivery.subscriptionId().value(), newest, delivery.deliveryId().value()), value);
        entries.put(Keys.join(DEAD_BY_ORGANIZATION, delivery.organizationId().value(), newest, delivery.deliveryId().value()),
                value);
        // A delivery dead-lettered again after a replay is listed once, with its latest record.
        return new LogIndexProcessor.Indexed(at, entries, Keys.join(DEAD_LATEST, delivery.deliveryId().value()));
    }

    /** The offset of the record of {@code key} in a table that keeps offsets. */
    public static String offsetKey(String key) {
        return TableProcessor.offsetKey(key);
    }

    /** The prefix under which a table indexed by organization lists {@code organization}'s keys. */
    public static String organizationPrefix(String organization) {
        return TableProcessor.ownerPrefix(organization);
    }

    private static void table(StreamsBuilder builder, String store, String topic, ViewUpdates updates, boolean keepOffsets,
                              BiConsumer<String, byte[]> validator, Function<byte[], String> owner) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                topic,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(store + "-source"),
                () -> new TableProcessor(store, validator, updates, keepOffsets, owner));
    }

    private static void log(StreamsBuilder builder, String store, String topic, Duration retention, ViewUpdates updates,
                            LogIndexProcessor.Indexer indexer) {
        builder.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store), Serdes.String(), Serdes.ByteArray())
                        .withLoggingDisabled(),
                topic,
                Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(store + "-source"),
                () -> new LogIndexProcessor(store, indexer, retention, updates));
    }
}
