package io.mediahooks.router;

import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.errors.HandlerSettings;
import io.mediahooks.router.errors.InvalidInputHandler;
import io.mediahooks.router.errors.RouterProcessingExceptionHandler;
import io.mediahooks.router.errors.RouterProductionExceptionHandler;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.Parsers;
import io.mediahooks.runtime.SecretsConfig;
import io.mediahooks.runtime.Setting;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The event router's configuration: {@link CommonConfig}, the key ring of {@link SecretsConfig}, the webhook URL policy of
 * {@link UrlPolicyConfig} (a webhook whose URL it refuses is not applied), and the Streams settings below, read from the
 * environment and checked at start-up, each error naming its key.
 */
public record RouterConfig(
        CommonConfig common,
        SecretsConfig secrets,
        UrlPolicyConfig urls,
        String applicationId,
        Path stateDir,
        int threads,
        ProcessingGuarantee processingGuarantee,
        Duration commitInterval,
        Duration dedupWindow,
        Duration startupTimeout,
        Duration shutdownTimeout) {

    private static final int PRODUCER_BATCH_BYTES = 64 * 1024;
    /** Kafka's default max.request.size. */
    private static final int DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;
    private static final Pattern LEGAL_APPLICATION_ID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

    public static final Setting<String> APPLICATION_ID = Setting.of("MEDIAHOOKS_APPLICATION_ID", "mediahooks-router",
            "Kafka Streams application.id: the router's consumer group and the prefix of its internal topics. "
                    + "Changing it makes a new router that starts from scratch.", RouterConfig::applicationId);
    public static final Setting<Path> STATE_DIR = Setting.of("MEDIAHOOKS_STATE_DIR", ".mediahooks/router-state",
            "Directory of the router's local state (RocksDB). Keep it on a volume: without it a restart restores "
                    + "the state from its changelog topics, which takes longer but loses nothing.",
            text -> Path.of(Parsers.nonBlank(text)).toAbsolutePath());
    public static final Setting<Integer> THREADS = Setting.of("MEDIAHOOKS_ROUTER_THREADS", "1",
            "Stream threads per instance; tasks are spread over every thread of every instance.", Parsers.intBetween(1, 64));
    public static final Setting<ProcessingGuarantee> PROCESSING_GUARANTEE = Setting.of("MEDIAHOOKS_PROCESSING_GUARANTEE",
            ProcessingGuarantee.EXACTLY_ONCE_V2.configValue(),
            "exactly_once_v2 (no delivery lost or duplicated by a crash) or at_least_once.", ProcessingGuarantee::parse);
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.of("MEDIAHOOKS_ROUTER_COMMIT_INTERVAL", "50ms",
            "How often the router commits (Kafka Streams commit.interval.ms); under exactly-once, deliveries become "
                    + "visible to read_committed consumers at each commit, so this bounds the router's share of latency.",
            Parsers::duration);
    public static final Setting<Duration> DEDUP_WINDOW = Setting.of("MEDIAHOOKS_DEDUP_WINDOW", "24h",
            "An event_id seen again within this time (per organization) is not routed again.", Parsers::duration);
    public static final Setting<Duration> STARTUP_TIMEOUT = Setting.of("MEDIAHOOKS_STARTUP_TIMEOUT", "60s",
            "How long start-up waits for Kafka to create and show the topics before giving up.", Parsers::duration);
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = Setting.of("MEDIAHOOKS_SHUTDOWN_TIMEOUT", "30s",
            "How long a shutdown (SIGTERM) waits for Kafka Streams to commit and close.", Parsers::duration);

    /** Every setting the router reads, the common ones included: what its README documents. */
    public static final List<Setting<?>> SETTINGS = settings();

    /** Streams settings the router owns: setting them through {@code MEDIAHOOKS_KAFKA_*} is a start-up error. */
    private static final Map<String, String> OWNED_STREAMS_KEYS = Map.of(
            StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID.key(),
            StreamsConfig.STATE_DIR_CONFIG, STATE_DIR.key(),
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS.key(),
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, PROCESSING_GUARANTEE.key(),
            StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL.key(),
            StreamsConfig.REPLICATION_FACTOR_CONFIG, CommonConfig.TOPIC_REPLICATION_FACTOR.key(),
            CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, CommonConfig.KAFKA_BOOTSTRAP_SERVERS.key(),
            StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, "(none: the router's own handler)",
            StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, "(none: the router's own handler)",
            StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, "(none: the router's own handler)");

    /** Reads and checks every setting. */
    public static RouterConfig from(Environment env) {
        CommonConfig common = CommonConfig.from(env);
        rejectOwnedPassThroughs(common);
        return new RouterConfig(common, SecretsConfig.from(env), UrlPolicyConfig.from(env), env.get(APPLICATION_ID), env.get(STATE_DIR), env.get(THREADS),
                env.get(PROCESSING_GUARANTEE), env.get(COMMIT_INTERVAL), env.get(DEDUP_WINDOW), env.get(STARTUP_TIMEOUT),
                env.get(SHUTDOWN_TIMEOUT));
    }

    public Topics topics() {
        return common.topics();
    }

    /**
     * The Kafka Streams configuration: pass-through client settings, the router's own settings, and
     * its error handlers, which get {@code metrics} and the topic names through the same map.
     */
    public Map<String, Object> streamsConfig(RouterMetrics metrics) {
        Map<String, Object> config = new HashMap<>(common.kafkaClientConfig());
        // Defaults the router tunes, each still open to MEDIAHOOKS_KAFKA_*: a delivery is about 600 bytes and an event
        // makes several, so 64 KiB batches take a commit interval's deliveries of a partition in a few requests
        // instead of dozens (16 KiB is Kafka's default); under exactly-once every batch is flushed at the commit anyway.
        if (!config.containsKey(ProducerConfig.BATCH_SIZE_CONFIG)) {
            config.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        }
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee.configValue());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        common.topicReplicationFactor().ifPresent(factor -> config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) factor));
        // Internal topics and stores are named in RouterTopology; generated names would shift when it changes.
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, InvalidInputHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RouterProcessingExceptionHandler.class);
        // A record that fails in a global store's processor is skipped too, rather than stopping the global thread (and with it the router).
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, RouterProductionExceptionHandler.class);
        config.putAll(new HandlerSettings(topics().names(), RouterTopology.eventTopics(this), metrics, maxRecordBytes()).asConfig());
        return config;
    }

    /**
     * The largest record the router's producer sends: {@code max.request.size} as set through
     * {@code MEDIAHOOKS_KAFKA_*}, else Kafka's default (1 MiB). A delivery or an invalid event larger
     * than it is never sent (under exactly-once such a send would fail the whole transaction).
     */
    public int maxRecordBytes() {
        Map<String, Object> client = common.kafkaClientConfig();
        Object value = client.getOrDefault(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                client.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_BYTES));
        return Integer.parseInt(value.toString().trim());
    }

    private static String applicationId(String text) {
        if (!LEGAL_APPLICATION_ID.matcher(text).matches()) {
            throw new IllegalArgumentException("must be 1 to 200 of [a-zA-Z0-9._-] (it prefixes topic names), got '" + text + "'");
        }
        return text;
    }

    private static void rejectOwnedPassThroughs(CommonConfig common) {
        for (String property : common.kafkaOverrides().keySet()) {
            String owner = OWNED_STREAMS_KEYS.get(property);
            if (owner != null) {
                String variable = Environment.KAFKA_PASSTHROUGH_PREFIX + property.toUpperCase(Locale.ROOT).replace('.', '_');
                throw new ConfigException(variable + " is not allowed: the router sets " + property + " itself; use "
                        + owner + " instead");
            }
        }
    }

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(CommonConfig.SETTINGS);
        all.addAll(SecretsConfig.SETTINGS);
        all.addAll(UrlPolicyConfig.SETTINGS);
        all.addAll(List.of(APPLICATION_ID, STATE_DIR, THREADS, PROCESSING_GUARANTEE, COMMIT_INTERVAL, DEDUP_WINDOW,
                STARTUP_TIMEOUT, SHUTDOWN_TIMEOUT));
        return List.copyOf(all);
    }
}
