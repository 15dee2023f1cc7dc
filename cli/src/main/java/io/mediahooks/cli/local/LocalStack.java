package io.mediahooks.cli.local;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.cli.listen.Answers;
import io.mediahooks.cli.listen.ReceivedRequest;
import io.mediahooks.cli.listen.SignatureCheck;
import io.mediahooks.cli.listen.WebhookReceiver;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.signing.SignatureVerifier;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.SecretsConfig;
import io.mediahooks.runtime.TopicProvisioner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole of mediahooks on one machine: Kafka, topics, the receiver of `mediahooks listen`, the demo's secret
 * and webhooks, the router and the workers as child processes, sample events and a summary line.
 * {@link #close()} stops it all, children first, and is safe to call from a shutdown hook.
 */
final class LocalStack implements AutoCloseable {

    /** How long children get to stop on SIGTERM before they are killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LocalSettings settings;
    private final CliContext context;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final AtomicReference<OrganizationSecrets> secrets = new AtomicReference<>();
    private final AtomicLong published = new AtomicLong();
    private final CountDownLatch failed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Random random = new Random();
    private volatile boolean stopping;
    private LocalKafka kafka;
    private KafkaSession session;
    private WebhookReceiver receiver;
    private TopicWatcher watcher;
    private ScheduledExecutorService scheduler;
    private volatile FirstEventsCheck firstEvents;

    LocalStack(LocalSettings settings, CliContext context) {
        this.settings = settings;
        this.context = context;
    }

    /** Starts everything; on failure, stops what was started and rethrows. */
    void start() {
        try {
            settings.layout().create();
            kafka = LocalKafka.start(settings.externalKafka(), settings.kafkaPort(), settings.layout(), this::say);
            LocalSecretsKeys keys = LocalSecretsKeys.choose(settings.layout(), context.environment());
            Map<String, String> environment = LocalEnvironment.services(kafka, settings);
            environment.putAll(keys.environment());
            CommonConfig config = CommonConfig.from(context.environment().with(environment));
            SecretsAtRest atRest = SecretsConfig.from(context.environment().with(environment)).atRest();
            session = new KafkaSession(config);
            createTopics(config);
            keys.prepare(session, atRest, kafka.embedded(), settings.layout(), this::say);
            secrets.set(DemoSeeder.secrets(session, atRest, context.clock().instant(), context.random(), this::say));
            // What `mediahooks listen` runs, fed with the demo organization's live secrets as they change.
            receiver = WebhookReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    new SignatureCheck(new SignatureVerifier(context.clock(), SignatureVerifier.DEFAULT_TOLERANCE),
                            settings.signatureHeader()),
                    this::liveSecrets, Answers.healthy(), context.clock(), this::received);
            say("Receiver: listening on " + receiver.url() + "/ (verifies both signatures, as `mediahooks listen` does)");
            DemoSeeder.webhooks(session, receiver, this::say);
            firstEvents = new FirstEventsCheck(Demo.webhooks(receiver));
            watcher = TopicWatcher.start(session, atRest, Demo.ORGANIZATION, secrets::set);
            startServices(new ServiceLauncher(settings.routerJar(), settings.workerJar(), settings.apiJar(), settings.layout(),
                    environment));
            if (failed.getCount() == 0) {
                return; // a service died at once: the caller stops everything
            }
            scheduler = Executors.newScheduledThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "local-demo");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(this::publishOne, 1_000, settings.eventInterval().toMillis(), TimeUnit.MILLISECONDS);
            scheduler.scheduleAtFixedRate(this::checkFirstEvents, 1, 1, TimeUnit.SECONDS);
            scheduler.scheduleAtFixedRate(this::summarize, settings.summaryInterval().toMillis(),
                    settings.summaryInterval().toMillis(), TimeUnit.MILLISECONDS);
            say("Publishing a sample event every " + settings.eventInterval().toMillis() / 1000.0 + " s."
                    + " Service logs: " + settings.layout().logs() + ". Ctrl-C stops everything.");
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not start the sample receiver", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Each request the receiver answered: a line on the screen, and, once verified, counted by the first-events check. */
    private void received(ReceivedRequest request) {
        say(request.line());
        FirstEventsCheck check = firstEvents;
        if (check != null && request.verified()) {
            check.arrived(request.path().substring(request.path().lastIndexOf('/') + 1), request.eventId());
        }
    }

    /** Blocks until a service dies on its own (then the run is over) or the thread is interrupted. */
    void awaitFailure() throws InterruptedException {
        failed.await();
    }

    private void createTopics(CommonConfig config) {
        try {
            TopicProvisioner.from(session.admin(), config).ensure(config.topics().all(config.retrySchedule()), Duration.ofSeconds(60));
        } catch (TopicProvisioner.TopicProvisioningException e) {
            throw CliException.failure("could not create the topics at " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        }
        say("Topics: ready (" + config.topics().all(config.retrySchedule()).size() + " topics, retry schedule "
                + settings.retrySchedule() + ")");
    }

    private void startServices(ServiceLauncher launcher) {
        int apiPort = LocalApi.port(settings.apiPort());
        String adminToken = LocalApi.adminToken(context.random());
        ServiceProcess api = launcher.api(LocalApi.environment(settings.layout(), apiPort, adminToken));
        services.add(api);
        services.add(launcher.router());
        for (int i = 1; i <= settings.workers(); i++) {
            services.add(launcher.worker(i));
        }
        for (ServiceProcess service : services) {
            say("Started " + service.name() + " (pid " + service.pid() + ", log " + service.logFile() + ")");
            service.process().onExit().thenRun(() -> exited(service));
            Thread readiness = new Thread(() -> ServiceLauncher.awaitReady(service, Duration.ofSeconds(120))
                    .ifPresent(took -> {
                        say(service.name() + " is ready after " + took.toMillis() / 1000.0 + " s ("
                                + ServiceLauncher.readyUrl(service).resolve("/metrics") + ")");
                        if (service == api) {
                            announceApi(apiPort, adminToken);
                        }
                    }),
                    "local-ready-" + service.name());
            readiness.setDaemon(true);
            readiness.start();
        }
    }

    /** The URL to open and the demo organization's key: the first thing a newcomer needs. */
    private void announceApi(int port, String adminToken) {
        try {
            String key = LocalApi.createKey(port, adminToken, Demo.ORGANIZATION.value());
            say("Management API and console: http://localhost:" + port + "/  (API docs: http://localhost:" + port + "/docs)");
            say("API key for " + Demo.ORGANIZATION.value() + ": " + key);
            say("Admin token of this run (creates more keys): " + adminToken);
        } catch (CliException e) {
            say("could not create the demo API key: " + e.getMessage());
        }
    }

    private void exited(ServiceProcess service) {
        if (stopping) {
            return;
        }
        int code = service.process().exitValue();
        say(service.name() + " exited on its own with code " + code + "; last lines of " + service.logFile() + ":");
        service.logTail(15).forEach(line -> context.println("    | " + line));
        failed.countDown();
    }

    private void publishOne() {
        try {
            MediaEvent event = Demo.event(random, context.clock().instant(), published.get() + 1);
            var topic = session.topics().mediaEvents();
            session.send(topic, Topics.ORGANIZATION_ID.serializer().serialize(topic.name(), event.organizationId()), event);
            published.incrementAndGet();
            firstEvents.published(event, context.clock().instant());
            say("published " + event.eventType() + " " + event.eventId() + " tags " + event.tags());
        } catch (RuntimeException e) {
            if (!stopping) {
                say("could not publish a sample event: " + e.getMessage());
            }
        }
    }

    private void checkFirstEvents() {
        firstEvents.verdict(context.clock().instant()).ifPresent(this::say);
    }

    private void summarize() {
        say("summary: published " + published.get() + ", " + watcher.summary() + "; receiver: " + receiver.verified()
                + " verified, " + receiver.rejected() + " rejected");
    }

    private List<String> liveSecrets() {
        OrganizationSecrets current = secrets.get();
        return current == null ? List.of() : current.liveAt(context.clock().instant()).stream().map(WebhookSecret::value).toList();
    }

    private void say(String line) {
        context.println(LocalTime.now().format(CLOCK) + "  " + line);
    }

    /** Stops everything: sample events, then the services (SIGTERM, then kill), then receiver, clients and broker. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            awaitClosed();
            return;
        }
        stopping = true;
        long started = System.nanoTime();
        try {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
            stopServices();
            closeQuietly(watcher);
            closeQuietly(receiver);
            closeQuietly(session);
            if (kafka != null) {
                if (kafka.embedded()) {
                    say("Stopping Kafka...");
                }
                closeQuietly(kafka);
            }
            say("Stopped everything in " + (System.nanoTime() - started) / 1_000_000 + " ms. Data and logs stay in "
                    + settings.layout().root() + ".");
        } finally {
            closed.countDown();
            failed.countDown();
        }
    }

    private void stopServices() {
        if (services.isEmpty()) {
            return;
        }
        say("Stopping " + services.size() + " services...");
        services.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ServiceProcess service : services) {
            boolean clean = service.awaitOrKill(deadline);
            say(service.name() + (clean ? " stopped (exit code " + service.process().exitValue() + ")"
                    : " did not stop within " + STOP_GRACE.toSeconds() + " s and was killed"));
        }
    }

    private void awaitClosed() {
        try {
            closed.await(STOP_GRACE.toSeconds() + 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Shutting down: report and go on, so the rest still stops.
            say("while stopping: " + e);
        }
    }
}
