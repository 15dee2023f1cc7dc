package io.mediahooks.api;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.mediahooks.api.auth.ApiKeyService;
import io.mediahooks.api.auth.Authenticator;
import io.mediahooks.api.auth.RateLimiter;
import io.mediahooks.api.deliveries.AttemptQueries;
import io.mediahooks.api.deliveries.DeadLetterQueries;
import io.mediahooks.api.deliveries.RecoverJobs;
import io.mediahooks.api.deliveries.TestEvents;
import io.mediahooks.api.http.HttpApi;
import io.mediahooks.api.kafka.ViewWriter;
import io.mediahooks.api.resources.ApiKeysResource;
import io.mediahooks.api.resources.CatalogResource;
import io.mediahooks.api.resources.DeliveriesResource;
import io.mediahooks.api.resources.DocsResource;
import io.mediahooks.api.resources.SecretResource;
import io.mediahooks.api.resources.WebhooksResource;
import io.mediahooks.api.secrets.SecretService;
import io.mediahooks.api.views.BoundedRocksDb;
import io.mediahooks.api.views.ViewTopology;
import io.mediahooks.api.views.ViewUpdates;
import io.mediahooks.api.views.Views;
import io.mediahooks.api.webhooks.WebhookService;
import io.mediahooks.model.MediahooksVersion;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.runtime.Health;
import io.mediahooks.runtime.ManagementServer;
import io.mediahooks.runtime.SecretsKeyCheck;
import io.mediahooks.runtime.ServiceMetrics;
import io.mediahooks.runtime.TopicProvisioner;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running management API: topics ensured, the views (Kafka Streams global stores) restored, the
 * HTTP API and the management endpoints serving. {@code /health/ready} is up once Streams is
 * RUNNING, which a global-only topology reaches after every store caught up with its topic.
 */
public final class ApiApplication implements AutoCloseable {

    public static final String SERVICE = "management-api";
    private static final Logger LOG = LoggerFactory.getLogger(ApiApplication.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics streamsMetrics;
    private final ViewWriter writer;
    private final RecoverJobs jobs;
    private final Javalin http;
    private final ManagementServer management;
    private final CountDownLatch stopped;
    private final Duration shutdownTimeout;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ApiApplication(KafkaStreams streams, KafkaStreamsMetrics streamsMetrics, ViewWriter writer, RecoverJobs jobs,
                           Javalin http, ManagementServer management, CountDownLatch stopped, Duration shutdownTimeout) {
        this.streams = streams;
        this.streamsMetrics = streamsMetrics;
        this.writer = writer;
        this.jobs = jobs;
        this.http = http;
        this.management = management;
        this.stopped = stopped;
        this.shutdownTimeout = shutdownTimeout;
    }

    public static ApiApplication start(ApiConfig config, Clock clock) {
        LOG.info("management-api {} starting: Kafka {}, views in {}, {}", MediahooksVersion.get(), config.common().bootstrapServers(),
                config.stateDir(), config.secrets().describe());
        ensureTopics(config);
        SecretsKeyCheck.verify(config.common().kafkaClientConfig(), config.topics().names().secrets(), config.secrets().atRest(),
                config.startupTimeout());
        PrometheusMeterRegistry registry = ServiceMetrics.prometheus(SERVICE);
        ViewUpdates updates = new ViewUpdates();
        StreamsBuilder builder = new StreamsBuilder();
        ViewTopology.build(builder, config, updates);
        KafkaStreams streams = new KafkaStreams(builder.build(), properties(config));
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                stopped.countDown();
            }
        });
        KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        Views views = new Views(streams, updates);
        ManagementServer management = ManagementServer.start(SERVICE, config.common().managementPort(), registry,
                () -> views.ready() ? Health.up("views caught up (streams RUNNING)") : Health.down("streams " + streams.state()));
        ViewWriter writer = new ViewWriter(config.common().kafkaClientConfig(), updates, config.writeTimeout());
        SecureRandom random = new SecureRandom();
        Topics topics = config.topics();
        RateLimiter rateLimiter = new RateLimiter(config.rateLimitPerMinute());
        WebhookService webhooks = new WebhookService(views, writer, topics, config.urlPolicy(), clock, random);
        SecretService secrets = new SecretService(views, writer, topics.secrets(config.secrets().atRest()), clock, random);
        DeadLetterQueries deadLetters = new DeadLetterQueries(views);
        RecoverJobs jobs = new RecoverJobs(views, writer, topics, config.jobsTopic(), deadLetters, clock, random);
        List<Consumer<RoutesConfig>> resources = List.of(
                new DocsResource()::register,
                new CatalogResource()::register,
                new WebhooksResource(webhooks)::register,
                new SecretResource(secrets)::register,
                new DeliveriesResource(webhooks, secrets, new AttemptQueries(views), deadLetters,
                        new TestEvents(views, writer, topics, clock, random), jobs, config.common().retrySchedule(), clock)::register,
                new ApiKeysResource(new ApiKeyService(views, writer, topics, clock, random, rateLimiter))::register);
        Javalin http = HttpApi.create(new Authenticator(views, config.adminToken()), rateLimiter, resources);
        try {
            // HTTP first: until the views are ready its routes answer 503, and readiness (Streams
            // RUNNING) is never reported before the port is open.
            http.start(config.apiPort());
            streams.start();
        } catch (RuntimeException e) {
            http.stop();
            management.close();
            writer.close();
            streams.close(Duration.ofSeconds(10));
            throw e;
        }
        LOG.info("management-api listening on http://localhost:{} (API /v1, docs /docs, console /)", http.port());
        return new ApiApplication(streams, streamsMetrics, writer, jobs, http, management, stopped, config.shutdownTimeout());
    }

    public int port() {
        return http.port();
    }

    public int managementPort() {
        return management.port();
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** The server, for the contract test that compares its routes with the document. */
    public Javalin http() {
        return http;
    }

    public KafkaStreams.State awaitStop() throws InterruptedException {
        stopped.await();
        return streams.state();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("management-api stopping");
        http.stop();
        jobs.close();
        writer.close();
        streams.close(shutdownTimeout);
        streamsMetrics.close();
        management.close();
        LOG.info("management-api stopped");
    }

    private static Properties properties(ApiConfig config) {
        Map<String, Object> map = new HashMap<>(config.common().kafkaClientConfig());
        map.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        map.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        // The router writes deliveries in transactions: aborted ones must not show.
        map.put(StreamsConfig.globalConsumerPrefix(ConsumerConfig.ISOLATION_LEVEL_CONFIG), "read_committed");
        map.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        map.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        map.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        map.put(BoundedRocksDb.CACHE_BYTES_CONFIG, config.rocksDbCacheBytes());
        Properties properties = new Properties();
        properties.putAll(map);
        return properties;
    }

    private static void ensureTopics(ApiConfig config) {
        Map<String, Object> adminConfig = new HashMap<>(config.common().kafkaClientConfig());
        adminConfig.keySet().retainAll(AdminClientConfig.configNames());
        List<Topic<?, ?>> topics = new ArrayList<>(config.topics().all(config.common().retrySchedule()));
        topics.add(RecoverJobs.jobsTopic(config.jobsTopic()));
        try (Admin admin = Admin.create(adminConfig)) {
            TopicProvisioner.from(admin, config.common()).ensure(topics, config.startupTimeout());
        }
    }
}
