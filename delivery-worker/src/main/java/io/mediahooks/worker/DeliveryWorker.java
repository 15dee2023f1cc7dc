package io.mediahooks.worker;

import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.runtime.Health;
import io.mediahooks.runtime.SecretsKeyCheck;
import io.mediahooks.runtime.TopicProvisioner;
import io.mediahooks.worker.consumer.DeliveryLoop;
import io.mediahooks.worker.flow.CircuitBreaker;
import io.mediahooks.worker.flow.EndpointLanes;
import io.mediahooks.worker.health.HealthReporter;
import io.mediahooks.worker.http.HttpClientFactory;
import io.mediahooks.worker.http.PooledHttpClient;
import io.mediahooks.worker.http.RequestSigner;
import io.mediahooks.worker.http.TrustMaterial;
import io.mediahooks.worker.http.WebhookSender;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.outcome.RetryPlanner;
import io.mediahooks.worker.pipeline.DeliveryPipeline;
import io.mediahooks.worker.pipeline.OutcomePublisher;
import io.mediahooks.worker.pipeline.OwnershipLease;
import io.mediahooks.worker.pipeline.Settlements;
import io.mediahooks.worker.pipeline.Stages;
import io.mediahooks.worker.safety.GuardedDnsResolver;
import io.mediahooks.worker.safety.PrefetchingDnsResolver;
import io.mediahooks.worker.view.ViewFreshness;
import io.mediahooks.worker.view.ViewReader;
import io.mediahooks.worker.view.ViewUpdater;
import io.mediahooks.worker.view.WebhookDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery worker: wires the view, the HTTP sender, the pipeline and the poll loop, runs them
 * on their threads, reports health, and shuts down in order. {@code main} and the tests use it alike.
 */
public final class DeliveryWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration VIEW_WAIT = Duration.ofSeconds(10);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    private static final int DNS_THREADS = 4;
    private static final Duration STALL_AFTER = Duration.ofSeconds(1);
    // As long as the JVM's own positive cache; failures are retried sooner.
    private static final Duration DNS_TTL = Duration.ofSeconds(30);
    private static final Duration DNS_FAILURE_TTL = Duration.ofSeconds(5);

    private final WorkerConfig config;
    private final ViewReader viewReader;
    private final DeliveryLoop loop;
    private final KafkaProducer<byte[], byte[]> producer;
    private final PooledHttpClient httpClient;
    private final ExecutorService outcomes;
    private final ExecutorService lookups;
    private final ScheduledExecutorService deadlines;
    private final List<KafkaClientMetrics> meterBinders;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread viewThread;
    private final Thread loopThread;

    private DeliveryWorker(WorkerConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        // First, so a bad trust store fails start-up before any client exists.
        SSLContext sslContext = TrustMaterial.sslContext(config.trustStore(), config.trustStorePassword(),
                WorkerConfig.TRUST_STORE.key());
        Topics topics = config.common().topics();
        RetrySchedule schedule = config.common().retrySchedule();
        WorkerMetrics metrics = new WorkerMetrics(registry);
        WebhookDirectory directory = new WebhookDirectory();
        ViewFreshness freshness = new ViewFreshness();
        UrlPolicy policy = config.urls().policy();
        ViewUpdater updater = new ViewUpdater(topics.subscriptions(), topics.secrets(config.secrets().atRest()),
                topics.operationalEvents(), directory, policy, metrics);
        this.viewReader = new ViewReader(new KafkaConsumer<>(KafkaClients.viewConsumer(config)), updater, directory, freshness, clock);
        this.lookups = Executors.newFixedThreadPool(DNS_THREADS, Threads.daemon("mediahooks-dns"));
        PrefetchingDnsResolver dns = new PrefetchingDnsResolver(
                config.urls().allowPrivateNetworks() ? SystemDefaultDnsResolver.INSTANCE : GuardedDnsResolver.system(config.urls().allowedAddresses()),
                lookups, DNS_TTL, DNS_FAILURE_TTL);
        this.httpClient = HttpClientFactory.start(config, dns, sslContext);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, Threads.daemon("mediahooks-deadlines"));
        // Nearly every deadline is cancelled long before it fires; keeping them queued would hold
        // request-timeout worth of garbage.
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
        WebhookSender sender = new WebhookSender(httpClient.client(), config.requestTimeout(), config.responseBodyLimit(), deadlines);
        metrics.requestsInFlight(sender.inFlight()::get);
        this.producer = new KafkaProducer<>(KafkaClients.producer(config));
        // Each stage it runs is thread-safe; more than one thread keeps both cores busy at high rates.
        this.outcomes = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                Threads.daemon("mediahooks-outcomes"));
        Settlements settlements = new Settlements();
        OutcomePublisher publisher = new OutcomePublisher(producer, topics);
        Stages stages = new Stages(directory, freshness, VIEW_WAIT, policy,
                dns, config.connectTimeout(),
                new RequestSigner(config.signatureHeader()), sender, new RetryPlanner(schedule, config.retryAfterMax()),
                publisher, new HealthReporter(directory, publisher::operational, metrics, clock, config.disableAfter()), metrics);
        OwnershipLease lease = OwnershipLease.forSession(sessionTimeout(config), System.nanoTime());
        DeliveryPipeline pipeline = new DeliveryPipeline(stages, settlements, outcomes, clock, flowSettings(config), lease);
        metrics.unhealthyEndpoints(pipeline::unhealthyEndpoints);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClients.consumer(config));
        this.meterBinders = List.of(bind(new KafkaClientMetrics(consumer), registry), bind(new KafkaClientMetrics(producer), registry));
        this.loop = new DeliveryLoop(consumer, consumedTopics(topics.names()), topics.names().deliveries(), pipeline, settlements,
                metrics, clock, config.maxInFlight(), config.maxHeldBytes(), config.commitInterval(), config.shutdownTimeout(), lease);
        this.viewThread = new Thread(this::runView, "mediahooks-view");
        this.loopThread = new Thread(this::runLoop, "mediahooks-poll");
    }

    /**
     * Creates missing topics, then starts the worker; it delivers once the webhook view is loaded.
     *
     * @throws io.mediahooks.runtime.ConfigException when the trust store cannot be used, or the key ring does not fit
     *                                                 the secrets on the topic
     * @throws TopicProvisioner.TopicProvisioningException when the topics cannot be created
     */
    public static DeliveryWorker start(WorkerConfig config, MeterRegistry registry, Clock clock) {
        LOG.info("Starting the delivery worker: {}", config);
        try (Admin admin = Admin.create(KafkaClients.admin(config))) {
            TopicProvisioner.from(admin, config.common()).ensure(topics(config), PROVISIONING_TIMEOUT);
        }
        SecretsKeyCheck.verify(KafkaClients.admin(config), config.common().topics().names().secrets(), config.secrets().atRest(),
                PROVISIONING_TIMEOUT);
        DeliveryWorker worker = new DeliveryWorker(config, registry, clock);
        worker.viewThread.start();
        worker.loopThread.start();
        return worker;
    }

    /** Ready once the view is loaded and the poll loop runs; down for good after a failure. */
    public Health health() {
        Throwable failed = failure().orElse(null);
        if (failed != null) {
            return Health.down("failed: " + failed);
        }
        if (!viewReader.isLoaded()) {
            return Health.down("loading the webhook view");
        }
        if (!loop.isPolling()) {
            return Health.down(closed.get() ? "stopping" : "joining the consumer group");
        }
        return Health.up("delivering, " + assignedPartitions() + " partitions assigned");
    }

    /** Partitions of the delivery and retry topics this worker owns now. */
    public int assignedPartitions() {
        return loop.assignedPartitions();
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get()).or(loop::failure);
    }

    /** Waits until the worker stopped (closed, or failed); false on timeout. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return loop.awaitFinished(timeout);
    }

    /** Finishes or hands back in-flight work, commits, leaves the group, then closes every client. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping the delivery worker");
        loop.stop();
        join(loopThread, config.shutdownTimeout().plus(CLOSE_GRACE));
        viewReader.stop();
        join(viewThread, CLOSE_GRACE);
        outcomes.shutdown();
        producer.close(CLOSE_GRACE);
        // Whatever is still in flight was handed back already: nothing left to wait for.
        httpClient.close();
        deadlines.shutdownNow();
        lookups.shutdownNow();
        meterBinders.forEach(KafkaClientMetrics::close);
        LOG.info("Delivery worker stopped");
    }

    private void runView() {
        try {
            viewReader.run();
        } catch (RuntimeException e) {
            LOG.error("The webhook view reader failed; stopping the worker", e);
            failure.compareAndSet(null, e);
            loop.stop();
        }
    }

    private void runLoop() {
        try {
            while (!viewReader.awaitLoaded(Duration.ofSeconds(5))) {
                if (failure.get() != null || closed.get()) {
                    loop.abandon();
                    return;
                }
                LOG.info("Waiting for the webhook view to load before delivering");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.abandon();
            return;
        }
        loop.run();
    }

    /**
     * The deliveries topic and every retry topic, by pattern rather than by the current schedule: a
     * retry topic left over from an earlier schedule (say {@code webhook-retry-10s}) is still
     * drained, its deliveries going on with the schedule as it is now.
     */
    static Pattern consumedTopics(TopicNames names) {
        return Pattern.compile(Pattern.quote(names.deliveries()) + "|" + Pattern.quote(names.retryPrefix()) + "[0-9]+(ms|s|m|h|d)");
    }

    /** The topics a worker needs: the pipeline's, and the operational events it writes. */
    public static List<Topic<?, ?>> topics(WorkerConfig config) {
        return config.common().topics().all(config.common().retrySchedule());
    }

    /**
     * Per-endpoint flow control: the configured concurrency and queue limit, the held limit as the
     * budget unhealthy endpoints share, and a full endpoint counting as stalled after a second without
     * finishing anything (or its request timeout, if shorter).
     */
    static EndpointLanes.Settings flowSettings(WorkerConfig config) {
        Duration stallAfter = config.requestTimeout().compareTo(STALL_AFTER) < 0 ? config.requestTimeout() : STALL_AFTER;
        return new EndpointLanes.Settings(config.endpointConcurrency(), config.endpointQueueLimit(), config.maxInFlight(),
                stallAfter, config.requestTimeout(), CircuitBreaker.Policy.DEFAULT);
    }

    /** The consumer's {@code session.timeout.ms}: set through {@code MEDIAHOOKS_KAFKA_SESSION_TIMEOUT_MS}, or Kafka's default. */
    static Duration sessionTimeout(WorkerConfig config) {
        Object configured = KafkaClients.consumer(config).get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        if (configured == null) {
            configured = ConsumerConfig.configDef().defaultValues().get(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
        }
        return Duration.ofMillis(Long.parseLong(configured.toString()));
    }

    private static KafkaClientMetrics bind(KafkaClientMetrics binder, MeterRegistry registry) {
        binder.bindTo(registry);
        return binder;
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                LOG.warn("{} did not stop within {}", thread.getName(), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
