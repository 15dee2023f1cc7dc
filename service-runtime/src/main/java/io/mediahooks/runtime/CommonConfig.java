package io.mediahooks.runtime;

import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.retry.RetrySchedule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The settings both services read: where Kafka is and how to reach it securely ({@link KafkaSecurity}),
 * topic names and how to create them, the retry schedule (both create the retry topics), and the
 * management port.
 */
public record CommonConfig(
        String bootstrapServers,
        int managementPort,
        TopicNames topicNames,
        int topicPartitions,
        Optional<Short> topicReplicationFactor,
        RetrySchedule retrySchedule,
        Map<String, Object> kafkaOverrides,
        KafkaSecurity kafkaSecurity) {

    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = Setting.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
            "Kafka bootstrap servers, comma-separated host:port.", Parsers::nonBlank);
    public static final Setting<Integer> MANAGEMENT_PORT = Setting.of("MEDIAHOOKS_MANAGEMENT_PORT", "8080",
            "Port of /health/live, /health/ready and /metrics; 0 picks a free port (logged).", Parsers.intBetween(0, 65535));
    public static final Setting<Integer> TOPIC_PARTITIONS = Setting.of("MEDIAHOOKS_TOPIC_PARTITIONS", "12",
            "Partitions of topics created at start-up; existing topics are never altered. Workers scale up to this.",
            Parsers.intBetween(1, 10_000));
    public static final Setting<Optional<Short>> TOPIC_REPLICATION_FACTOR = Setting.of("MEDIAHOOKS_TOPIC_REPLICATION_FACTOR", "",
            "Replication factor of topics created at start-up; empty uses the broker's default.replication.factor.",
            Parsers.optional(text -> Parsers.intBetween(1, Short.MAX_VALUE).apply(text).shortValue()));
    public static final Setting<RetrySchedule> RETRY_SCHEDULE = Setting.of("MEDIAHOOKS_RETRY_SCHEDULE", RetrySchedule.DEFAULT,
            "Delays between attempts, comma-separated (ms, s, m, h, d); one retry topic per distinct delay.",
            RetrySchedule::parse);

    public static final Setting<String> TOPIC_MEDIA_EVENTS = topic("MEDIAHOOKS_TOPIC_MEDIA_EVENTS", TopicNames.defaults().mediaEvents(),
            "Media events from the CMS and encoders.");
    public static final Setting<String> TOPIC_MEDIA_EVENTS_INVALID = topic("MEDIAHOOKS_TOPIC_MEDIA_EVENTS_INVALID",
            TopicNames.defaults().mediaEventsInvalid(), "Rejected media events, reason in header 'error'.");
    public static final Setting<String> TOPIC_SUBSCRIPTIONS = topic("MEDIAHOOKS_TOPIC_SUBSCRIPTIONS",
            TopicNames.defaults().subscriptions(), "Webhook subscriptions (compacted).");
    public static final Setting<String> TOPIC_SECRETS = topic("MEDIAHOOKS_TOPIC_SECRETS", TopicNames.defaults().secrets(),
            "Organization secrets (compacted).");
    public static final Setting<String> TOPIC_DELIVERIES = topic("MEDIAHOOKS_TOPIC_DELIVERIES", TopicNames.defaults().deliveries(),
            "Routed deliveries, one event for one subscription.");
    public static final Setting<String> TOPIC_RETRY_PREFIX = topic("MEDIAHOOKS_TOPIC_RETRY_PREFIX", TopicNames.defaults().retryPrefix(),
            "Prefix of the retry topics; the delay label follows (webhook-retry-5s).");
    public static final Setting<String> TOPIC_DEAD_LETTERS = topic("MEDIAHOOKS_TOPIC_DEAD_LETTERS", TopicNames.defaults().deadLetters(),
            "Deliveries that exhausted their attempts or got 410 Gone.");
    public static final Setting<String> TOPIC_ATTEMPTS = topic("MEDIAHOOKS_TOPIC_ATTEMPTS", TopicNames.defaults().attempts(),
            "One record per delivery attempt.");
    public static final Setting<String> TOPIC_OPERATIONAL_EVENTS = topic("MEDIAHOOKS_TOPIC_OPERATIONAL_EVENTS",
            TopicNames.defaults().operationalEvents(), "A webhook's endpoint opened, recovered or was disabled, with the reason.");
    public static final Setting<String> TOPIC_API_KEYS = topic("MEDIAHOOKS_TOPIC_API_KEYS", TopicNames.defaults().apiKeys(),
            "Organization API keys of the management API, hashes only (compacted).");

    /** Every setting this record reads, for documentation and typo warnings. */
    public static final List<Setting<?>> SETTINGS = List.of(KAFKA_BOOTSTRAP_SERVERS, MANAGEMENT_PORT, TOPIC_PARTITIONS,
            TOPIC_REPLICATION_FACTOR, RETRY_SCHEDULE, TOPIC_MEDIA_EVENTS, TOPIC_MEDIA_EVENTS_INVALID, TOPIC_SUBSCRIPTIONS,
            TOPIC_SECRETS, TOPIC_DELIVERIES, TOPIC_RETRY_PREFIX, TOPIC_DEAD_LETTERS, TOPIC_ATTEMPTS, TOPIC_OPERATIONAL_EVENTS,
            TOPIC_API_KEYS, KafkaSecurity.SECURITY_PROTOCOL, KafkaSecurity.SASL_MECHANISM, KafkaSecurity.SASL_USERNAME,
            KafkaSecurity.SASL_PASSWORD, KafkaSecurity.SASL_PASSWORD_FILE, KafkaSecurity.SSL_TRUSTSTORE_LOCATION,
            KafkaSecurity.SSL_TRUSTSTORE_PASSWORD, KafkaSecurity.SSL_TRUSTSTORE_TYPE);

    public CommonConfig {
        kafkaOverrides = Map.copyOf(kafkaOverrides);
    }

    public static CommonConfig from(Environment env) {
        TopicNames names = new TopicNames(env.get(TOPIC_MEDIA_EVENTS), env.get(TOPIC_MEDIA_EVENTS_INVALID),
                env.get(TOPIC_SUBSCRIPTIONS), env.get(TOPIC_SECRETS), env.get(TOPIC_DELIVERIES), env.get(TOPIC_RETRY_PREFIX),
                env.get(TOPIC_DEAD_LETTERS), env.get(TOPIC_ATTEMPTS), env.get(TOPIC_OPERATIONAL_EVENTS), env.get(TOPIC_API_KEYS));
        Map<String, Object> kafkaOverrides = env.kafkaOverrides();
        return new CommonConfig(env.get(KAFKA_BOOTSTRAP_SERVERS), env.get(MANAGEMENT_PORT), names, env.get(TOPIC_PARTITIONS),
                env.get(TOPIC_REPLICATION_FACTOR), env.get(RETRY_SCHEDULE), kafkaOverrides, KafkaSecurity.from(env, kafkaOverrides));
    }

    /** The variables that name {@code names}' topics: how tests and launchers point a service at other topics. */
    public static Map<String, String> topicVariables(TopicNames names) {
        return Map.of(
                TOPIC_MEDIA_EVENTS.key(), names.mediaEvents(),
                TOPIC_MEDIA_EVENTS_INVALID.key(), names.mediaEventsInvalid(),
                TOPIC_SUBSCRIPTIONS.key(), names.subscriptions(),
                TOPIC_SECRETS.key(), names.secrets(),
                TOPIC_DELIVERIES.key(), names.deliveries(),
                TOPIC_RETRY_PREFIX.key(), names.retryPrefix(),
                TOPIC_DEAD_LETTERS.key(), names.deadLetters(),
                TOPIC_ATTEMPTS.key(), names.attempts(),
                TOPIC_OPERATIONAL_EVENTS.key(), names.operationalEvents(),
                TOPIC_API_KEYS.key(), names.apiKeys());
    }

    public Topics topics() {
        return new Topics(topicNames);
    }

    /**
     * The properties every Kafka client of the service starts from: bootstrap servers, pass-through
     * overrides and the security settings (which never set the same property: checked at start-up).
     */
    public Map<String, Object> kafkaClientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(kafkaOverrides);
        config.putAll(kafkaSecurity.clientProperties());
        return config;
    }

    /** Explains a refused TLS handshake, SASL login or ACL with the settings to check. */
    public KafkaAccessErrors accessErrors() {
        return new KafkaAccessErrors(bootstrapServers, kafkaSecurity);
    }

    private static Setting<String> topic(String key, String defaultName, String doc) {
        return Setting.of(key, defaultName, "Topic name. " + doc, Parsers::nonBlank);
    }
}
