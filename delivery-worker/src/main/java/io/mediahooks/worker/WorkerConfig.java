package io.mediahooks.worker;

import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.Parsers;
import io.mediahooks.runtime.SecretsConfig;
import io.mediahooks.runtime.Setting;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The delivery worker's settings: the common ones, the webhook URL policy ({@link UrlPolicyConfig}: its view of
 * the subscriptions and its sends apply it), plus how it sends (timeouts, concurrency, limits) and how it hands
 * work back. Every key is listed in {@link #SETTINGS}.
 */
public record WorkerConfig(
        CommonConfig common,
        SecretsConfig secrets,
        String groupId,
        Duration requestTimeout,
        Duration connectTimeout,
        UrlPolicyConfig urls,
        String signatureHeader,
        int maxInFlight,
        int endpointConcurrency,
        int endpointQueueLimit,
        int maxHeldBytes,
        Duration disableAfter,
        int responseBodyLimit,
        Duration retryAfterMax,
        Optional<Path> trustStore,
        Optional<String> trustStorePassword,
        Duration shutdownTimeout,
        Duration commitInterval) {

    private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public static final Setting<String> GROUP_ID = Setting.of("MEDIAHOOKS_WORKER_GROUP_ID", "mediahooks-delivery-worker",
            "Consumer group of the workers; every worker of one deployment uses the same.", Parsers::nonBlank);
    public static final Setting<Duration> REQUEST_TIMEOUT = Setting.of("MEDIAHOOKS_REQUEST_TIMEOUT", "15s",
            "Longest an attempt may take, connection included; a 2xx after it is a failure.", Parsers::duration);
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.of("MEDIAHOOKS_CONNECT_TIMEOUT", "5s",
            "Longest a TCP connect and TLS handshake may take; at most MEDIAHOOKS_REQUEST_TIMEOUT.", Parsers::duration);
    public static final Setting<String> SIGNATURE_HEADER = Setting.of("MEDIAHOOKS_SIGNATURE_HEADER",
            "X-FP-Webhook-Signature-Hmac-Sha-256", "Name of the header carrying the hex HMAC-SHA256 of the body.",
            WorkerConfig::httpToken);
    public static final Setting<Integer> MAX_IN_FLIGHT = Setting.of("MEDIAHOOKS_MAX_IN_FLIGHT", "2000",
            "Deliveries one worker holds at once (sending, waiting for an endpoint, publishing); beyond it, it stops fetching. "
                    + "Those read from retry topics may hold a quarter of it; beyond that, the retry topics alone are paused.",
            Parsers.intBetween(1, 1_000_000));
    public static final Setting<Integer> ENDPOINT_CONCURRENCY = Setting.of("MEDIAHOOKS_ENDPOINT_CONCURRENCY", "16",
            "Concurrent requests one worker sends to one endpoint (scheme, host and port).", Parsers.intBetween(1, 10_000));
    public static final Setting<Integer> ENDPOINT_QUEUE_LIMIT = Setting.of("MEDIAHOOKS_ENDPOINT_QUEUE_LIMIT", "32",
            "Deliveries that may wait in memory for a failing or stalled endpoint (at least; its fair share of "
                    + "MEDIAHOOKS_MAX_IN_FLIGHT if larger); more are deferred to a retry topic without an attempt. "
                    + "A healthy endpoint has no such limit.",
            Parsers.intBetween(0, 1_000_000));
    public static final Setting<Integer> MAX_HELD_BYTES = Setting.of("MEDIAHOOKS_MAX_HELD_BYTES", "33554432",
            "Bytes of delivery records one worker holds at once; beyond it, it stops fetching (as with MEDIAHOOKS_MAX_IN_FLIGHT).",
            Parsers.intBetween(1024, Integer.MAX_VALUE));
    public static final Setting<Duration> DISABLE_AFTER = Setting.of("MEDIAHOOKS_DISABLE_AFTER", "5d",
            "A webhook whose endpoint failed every attempt for this long is disabled (an operational event; "
                    + "the webhook's next update enables it again).", Parsers::duration);
    public static final Setting<Integer> RESPONSE_BODY_LIMIT = Setting.of("MEDIAHOOKS_RESPONSE_BODY_LIMIT", "65536",
            "Bytes of a response body read at most; a longer body is cut off (the status still counts).",
            Parsers.intBetween(0, 16 * 1024 * 1024));
    public static final Setting<Duration> RETRY_AFTER_MAX = Setting.of("MEDIAHOOKS_RETRY_AFTER_MAX", "1h",
            "Longest Retry-After (on 429 and 503) honoured; never beyond the longest retry delay.", Parsers::duration);
    public static final Setting<Optional<Path>> TRUST_STORE = Setting.of("MEDIAHOOKS_TRUST_STORE", "",
            "PKCS12 or JKS file of extra CA certificates to trust besides the JVM's (private CAs); empty for none.",
            Parsers.optional(Path::of));
    public static final Setting<Optional<String>> TRUST_STORE_PASSWORD = Setting.of("MEDIAHOOKS_TRUST_STORE_PASSWORD", "",
            "Password of MEDIAHOOKS_TRUST_STORE, if it has one.", Parsers.optional(text -> text));
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = Setting.of("MEDIAHOOKS_SHUTDOWN_TIMEOUT", "30s",
            "On SIGTERM or rebalance, how long to let deliveries in flight finish before handing them back.",
            Parsers::duration);
    public static final Setting<Duration> COMMIT_INTERVAL = Setting.of("MEDIAHOOKS_COMMIT_INTERVAL", "200ms",
            "How often completed offsets are committed; after a crash, what completed since the last commit is sent again.",
            Parsers::duration);

    /** Every setting the worker reads, the common ones included: the README and deploy files are checked against it. */
    public static final List<Setting<?>> SETTINGS = settings();

    public WorkerConfig {
        Objects.requireNonNull(common, "common");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    /**
     * Reads and checks every setting.
     *
     * @throws ConfigException naming the first bad key
     */
    public static WorkerConfig from(Environment env) {
        WorkerConfig config = new WorkerConfig(CommonConfig.from(env), SecretsConfig.from(env), env.get(GROUP_ID), env.get(REQUEST_TIMEOUT),
                env.get(CONNECT_TIMEOUT), UrlPolicyConfig.from(env), env.get(SIGNATURE_HEADER),
                env.get(MAX_IN_FLIGHT), env.get(ENDPOINT_CONCURRENCY), env.get(ENDPOINT_QUEUE_LIMIT),
                env.get(MAX_HELD_BYTES), env.get(DISABLE_AFTER), env.get(RESPONSE_BODY_LIMIT), env.get(RETRY_AFTER_MAX), env.get(TRUST_STORE), env.get(TRUST_STORE_PASSWORD),
                env.get(SHUTDOWN_TIMEOUT), env.get(COMMIT_INTERVAL));
        config.validate();
        return config;
    }

    /** Checks what single settings cannot: how they relate, and that files exist. */
    public void validate() {
        if (connectTimeout.compareTo(requestTimeout) > 0) {
            throw new ConfigException(CONNECT_TIMEOUT.key() + "=" + connectTimeout + " is longer than "
                    + REQUEST_TIMEOUT.key() + "=" + requestTimeout);
        }
        if (endpointConcurrency > maxInFlight) {
            throw new ConfigException(ENDPOINT_CONCURRENCY.key() + "=" + endpointConcurrency + " is more than "
                    + MAX_IN_FLIGHT.key() + "=" + maxInFlight + ": one endpoint could take the whole worker");
        }
        trustStore.ifPresent(path -> {
            if (!Files.isReadable(path)) {
                throw new ConfigException(TRUST_STORE.key() + "='" + path + "' is not a readable file");
            }
        });
        if (trustStorePassword.isPresent() && trustStore.isEmpty()) {
            throw new ConfigException(TRUST_STORE_PASSWORD.key() + " is set but " + TRUST_STORE.key() + " is not");
        }
    }

    @Override
    public String toString() {
        // The trust store password must never reach a log line.
        return "WorkerConfig[groupId=" + groupId + ", requestTimeout=" + requestTimeout + ", connectTimeout=" + connectTimeout
                + ", " + urls.describe()
                + ", signatureHeader=" + signatureHeader + ", maxInFlight=" + maxInFlight
                + ", endpointConcurrency=" + endpointConcurrency + ", endpointQueueLimit=" + endpointQueueLimit
                + ", maxHeldBytes=" + maxHeldBytes + ", disableAfter=" + disableAfter
                + ", responseBodyLimit=" + responseBodyLimit + ", retryAfterMax=" + retryAfterMax
                + ", trustStore=" + trustStore.map(Path::toString).orElse("none")
                + ", shutdownTimeout=" + shutdownTimeout + ", commitInterval=" + commitInterval
                + ", retrySchedule=" + common.retrySchedule() + ", bootstrapServers=" + common.bootstrapServers()
                + ", " + secrets.describe() + "]";
    }

    private static String httpToken(String text) {
        if (!HTTP_TOKEN.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a valid HTTP header name");
        }
        return text;
    }

    private static List<Setting<?>> settings() {
        List<Setting<?>> all = new ArrayList<>(CommonConfig.SETTINGS);
        all.addAll(SecretsConfig.SETTINGS);
        all.addAll(UrlPolicyConfig.SETTINGS);
        all.addAll(List.of(GROUP_ID, REQUEST_TIMEOUT, CONNECT_TIMEOUT, SIGNATURE_HEADER, MAX_IN_FLIGHT, ENDPOINT_CONCURRENCY, ENDPOINT_QUEUE_LIMIT, MAX_HELD_BYTES, DISABLE_AFTER, RESPONSE_BODY_LIMIT, RETRY_AFTER_MAX, TRUST_STORE,
                TRUST_STORE_PASSWORD, SHUTDOWN_TIMEOUT, COMMIT_INTERVAL));
        return List.copyOf(all);
    }
}
