package io.mediahooks.api;

import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.Parsers;
import io.mediahooks.runtime.SecretsConfig;
import io.mediahooks.runtime.Setting;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The management API's configuration: {@link CommonConfig}, the key ring of {@link SecretsConfig}, the webhook URL
 * policy of {@link UrlPolicyConfig}, and the settings below, read from the environment and checked at start-up,
 * each error naming its key.
 *
 * @param adminToken never logged; {@link #toString()} hides it
 */
public record ApiConfig(
        CommonConfig common,
        SecretsConfig secrets,
        int apiPort,
        String adminToken,
        UrlPolicyConfig urls,
        String applicationId,
        Path stateDir,
        String jobsTopic,
        int rateLimitPerMinute,
        Duration writeTimeout,
        Duration viewRetention,
        long rocksDbCacheBytes,
        Duration startupTimeout,
        Duration shutdownTimeout) {

    public static final Setting<Integer> API_PORT = Setting.of("MEDIAHOOKS_API_PORT", "8000",
            "Port of the management API and the console; 0 picks a free port (logged as 'listening on http://...').",
            Parsers.intBetween(0, 65535));
    public static final Setting<String> ADMIN_TOKEN = Setting.required("MEDIAHOOKS_ADMIN_TOKEN",
            "Bearer token of the operator routes /v1/organizations/{org_id}/api-keys (create, list and delete API keys).",
            Parsers::nonBlank);
    public static final Setting<String> APPLICATION_ID = Setting.of("MEDIAHOOKS_API_APPLICATION_ID", "mediahooks-api",
            "Kafka Streams application.id of the API's views. The views are global stores: no consumer group, "
                    + "every instance holds a complete copy.", Parsers::nonBlank);
    public static final Setting<Path> STATE_DIR = Setting.of("MEDIAHOOKS_API_STATE_DIR", ".mediahooks/api-state",
            "Directory of the API's views (RocksDB). Each instance needs its own; without it a start rebuilds the "
                    + "views from the topics.", text -> Path.of(Parsers.nonBlank(text)).toAbsolutePath());
    public static final Setting<String> TOPIC_API_JOBS = Setting.of("MEDIAHOOKS_TOPIC_API_JOBS", "webhook-api-jobs",
            "Topic name. Recover jobs of the management API and their progress (compacted), so any instance answers "
                    + "GET /v1/jobs/{id}.", Parsers::nonBlank);
    public static final Setting<Integer> RATE_LIMIT = Setting.of("MEDIAHOOKS_API_RATE_LIMIT", "600",
            "Requests per minute each API key may make on one instance (a token bucket; bursts up to the same "
                    + "number). Beyond it: 429 with Retry-After.", Parsers.intBetween(1, 10_000_000));
    public static final Setting<Duration> WRITE_TIMEOUT = Setting.of("MEDIAHOOKS_API_WRITE_TIMEOUT", "10s",
            "How long a write waits for Kafka's acknowledgement and for this instance's view to show it; "
                    + "then 503.", Parsers::duration);
    public static final Setting<Duration> VIEW_RETENTION = Setting.of("MEDIAHOOKS_API_VIEW_RETENTION", "7d",
            "How long attempts, deliveries and dead letters stay in the API's views (the topics' own retention may "
                    + "remove them sooner).", Parsers::duration);
    public static final Setting<Integer> ROCKSDB_CACHE_MB = Setting.of("MEDIAHOOKS_API_ROCKSDB_CACHE_MB", "64",
            "Off-heap memory shared by every view's RocksDB block cache and write buffers.", Parsers.intBetween(8, 65_536));
    public static final Setting<Duration> STARTUP_TIMEOUT = Setting.of("MEDIAHOOKS_STARTUP_TIMEOUT", "60s",
            "How long start-up waits for Kafka to create and show the topics before giving up.", Parsers::duration);
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = Setting.of("MEDIAHOOKS_SHUTDOWN_TIMEOUT", "30s",
            "How long a shutdown (SIGTERM) waits for the views to close.", Parsers::duration);

    /** Every setting the API reads, the common ones included. */
    public static final List<Setting<?>> SETTINGS = settings();

    public static ApiConfig from(Environment env) {
        return new ApiConfig(CommonConfig.from(env), SecretsConfig.from(env), env.get(API_PORT), env.get(ADMIN_TOKEN),
                UrlPolicyConfig.from(env), env.get(APPLICATION_ID), env.get(STATE_DIR), env.get(TOPIC_API_JOBS),
                env.get(RATE_LIMIT), env.get(WRITE_TIMEOUT), env.get(VIEW_RETENTION),
                env.get(ROCKSDB_CACHE_MB) * 1024L * 1024L, env.get(STARTUP_TIMEOUT), env.get(SHUTDOWN_TIMEOUT));
    }

    public Topics topics() {
        return common.topics();
    }

    public UrlPolicy urlPolicy() {
        return urls.policy();
    }

    @Override
    public String toString() {
        return "ApiConfig[apiPort=" + apiPort + ", applicationId=" + applicationId + ", stateDir=" + stateDir
                + ", " + urls.describe() + ", " + secrets.describe() + "]";
    }

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(CommonConfig.SETTINGS);
        all.addAll(SecretsConfig.SETTINGS);
        all.addAll(UrlPolicyConfig.SETTINGS);
        all.addAll(List.of(API_PORT, ADMIN_TOKEN, APPLICATION_ID, STATE_DIR,
                TOPIC_API_JOBS, RATE_LIMIT, WRITE_TIMEOUT, VIEW_RETENTION, ROCKSDB_CACHE_MB, STARTUP_TIMEOUT, SHUTDOWN_TIMEOUT));
        return List.copyOf(all);
    }
}
