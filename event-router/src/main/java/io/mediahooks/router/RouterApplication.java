package io.mediahooks.router;

import io.mediahooks.model.MediahooksVersion;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.router.errors.ThreadFailurePolicy;
import io.mediahooks.router.state.DecodeCache;
import io.mediahooks.router.state.SecretsIndex;
import io.mediahooks.router.state.WebhookIndex;
import io.mediahooks.runtime.Health;
import io.mediahooks.runtime.ManagementServer;
import io.mediahooks.runtime.SecretsKeyCheck;
import io.mediahooks.runtime.ServiceMetrics;
import io.mediahooks.runtime.TopicProvisioner;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running router: topics ensured, Kafka Streams started, management endpoints serving
 * ({@code /health/ready} is up only while Streams is RUNNING, which implies webhooks and secrets are loaded). Closing it is a clean shutdown.
 */
public final class RouterApplication implements AutoCloseable {

    public static final String SERVICE = "event-router";
    private static final Logger LOG = LoggerFactory.getLogger(RouterApplication.class);

    private final RouterConfig config;
    private final RouterMetrics metrics;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final ManagementServer management;
    private final CountDownLatch stopped;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RouterApplication(RouterConfig config, RouterMetrics metrics, KafkaStreams streams,
                              KafkaStreamsMetrics streamsMetrics, ManagementServer management, CountDownLatch stopped) {
        this.config = config;
        this.metrics = metrics;
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.management = management;
        this.stopped = stopped;
    }

    /** Creates missing topics and waits for them, then starts Streams and the management endpoints. */
    public static RouterApplication start(RouterConfig config, Clock clock) {
        LOG.info("event-router {} starting: application.id={}, Kafka {}, {}, {} stream thread(s), state in {}, {}, {}",
                MediahooksVersion.get(), config.applicationId(), config.common().bootstrapServers(),
                config.processingGuarantee().configValue(), config.threads(), config.stateDir(), config.secrets().describe(),
                config.urls().describe());
        ensureTopics(config);
        SecretsKeyCheck.verify(config.common().kafkaClientConfig(), config.topics().names().secrets(), config.secrets().atRest(),
                config.startupTimeout());
        PrometheusMeterRegistry registry = ServiceMetrics.prometheus(SERVICE);
        RouterMetrics metrics = new RouterMetrics(registry);
        Properties properties = properties(config.streamsConfig(metrics));
        // Built with the real config, so topology-level settings apply (and no default config is made up).
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(properties)));
        Topology topology = RouterTopology.build(builder, config, clock, metrics);
        KafkaStreams streams = new KafkaStreams(topology, properties);
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(ThreadFailurePolicy.withDefaults(metrics));
        streams.setGlobalStateRestoreListener(new StateRestoreMetrics(registry));
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        // Endpoints first: a port already taken must fail start-up before any stream thread runs.
        ManagementServer management = ManagementServer.start(SERVICE, config.common().managementPort(), registry,
                () -> readiness(streams.state()));
        try {
            streams.start();
        } catch (RuntimeException e) {
            management.close();
            streams.close();
            throw e;
        }
        return new RouterApplication(config, metrics, streams, streamsMetrics, management, stopped);
    }

    /** Blocks until Streams has stopped, by a close or for good after an error; returns how it ended. */
    public KafkaStreams.State awaitStop() throws InterruptedException {
        stopped.await();
        return streams.state();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The port of {@code /health/*} and {@code /metrics}, useful when configured as 0. */
    public int managementPort() {
        return management.port();
    }

    public RouterMetrics metrics() {
        return metrics;
    }

    /** For interactive queries of {@link RouterTopology#WEBHOOKS_STORE} and {@link RouterTopology#SECRETS_STORE}. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The webhooks this instance routes {@code organization}'s events to now, from its global store. */
    public List<Subscription> webhooksOf(OrganizationId organization) {
        return WebhookIndex.webhooksOf(globalStore(WebhookIndex.STORE), organization, new DecodeCache<>(SubscriptionCodec.INSTANCE, 1));
    }

    /** The secrets this instance signs {@code organization}'s deliveries with now, from its global store. */
    public Optional<OrganizationSecrets> secretsOf(OrganizationId organization) {
        return SecretsIndex.secretsOf(globalStore(SecretsIndex.STORE), organization,
                new DecodeCache<>(new OrganizationSecretsCodec(config.secrets().atRest()), 1));
    }

    private ReadOnlyKeyValueStore<String, byte[]> globalStore(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    /** Commits, closes Streams and leaves the group (waiting up to the shutdown timeout), then the endpoints. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("event-router stopping");
        boolean clean = streams.close(CloseOptions.timeout(config.shutdownTimeout())
                .withGroupMembershipOperation(membershipOnClose(config)));
        if (!clean) {
            LOG.warn("Kafka Streams did not close within {}; exactly-once aborts what was not committed",
                    config.shutdownTimeout());
        }
        streamsMetrics.close();
        management.close();
        LOG.info("event-router stopped");
    }

    /**
     * Leaving the group lets the other instances take this one's tasks at once; staying would stall
     * them for the session timeout, as a restarted instance joins as a new member anyway. With
     * static membership ({@code group.instance.id}) the instance comes back as itself, so it stays.
     */
    private static CloseOptions.GroupMembershipOperation membershipOnClose(RouterConfig config) {
        return config.common().kafkaOverrides().containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)
                ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                : CloseOptions.GroupMembershipOperation.LEAVE_GROUP;
    }

    /**
     * Ready only while RUNNING: Kafka Streams reaches RUNNING after its global stores (webhooks,
     * secrets) were restored to the end of their topics and its tasks' own stores were restored.
     */
    private static Health readiness(KafkaStreams.State state) {
        return state == KafkaStreams.State.RUNNING ? Health.up("streams " + state) : Health.down("streams " + state);
    }

    private static void ensureTopics(RouterConfig config) {
        Map<String, Object> adminConfig = new HashMap<>(config.common().kafkaClientConfig());
        // Pass-through settings may be meant for Streams; the admin client would warn about each.
        adminConfig.keySet().retainAll(AdminClientConfig.configNames());
        try (Admin admin = Admin.create(adminConfig)) {
            TopicProvisioner.from(admin, config.common())
                    .ensure(config.topics().all(config.common().retrySchedule()), config.startupTimeout());
        }
    }

    private static Properties properties(Map<String, Object> config) {
        Properties properties = new Properties();
        properties.putAll(config);
        return properties;
    }
}
