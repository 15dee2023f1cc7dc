package io.mediahooks.worker.testing;

import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.TopicProvisioner;
import io.mediahooks.runtime.UrlPolicyConfig;
import io.mediahooks.worker.DeliveryWorker;
import io.mediahooks.worker.WorkerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * One worker under test with topics of its own on the shared broker: publishes webhooks, secrets
 * and deliveries the way the router and the API would, starts the worker, and reads what it wrote.
 * Safety switches are on (loopback receivers) unless a test turns them off.
 */
public final class WorkerHarness implements AutoCloseable {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate();
    private static final Path TRUST_STORE = CERTIFICATE.writeTrustStore(
            Path.of("target", "test-trust", UUID.randomUUID() + ".p12").toAbsolutePath());

    private final KafkaTestBroker broker;
    private final Map<String, String> environment;
    private final WorkerConfig config;
    private final Topics topics;
    private final List<DeliveryWorker> workers = new ArrayList<>();
    private final List<AutoCloseable> readers = new ArrayList<>();
    private final KafkaProducer<byte[], byte[]> producer;
    private TopicReader<Attempt> attempts;
    private TopicReader<Delivery> deadLetters;
    private List<TopicReader<Delivery>> retries;
    private TopicReader<OperationalEvent> operationalEvents;
    private TopicReader<Subscription> subscriptionRecords;

    private WorkerHarness(KafkaTestBroker broker, Map<String, String> overrides) {
        this.broker = broker;
        TopicNames names = TopicNames.defaults().prefixed(broker.uniqueTopic("mh") + ".");
        Map<String, String> env = new HashMap<>();
        env.put(CommonConfig.KAFKA_BOOTSTRAP_SERVERS.key(), broker.bootstrapServers());
        env.putAll(CommonConfig.topicVariables(names));
        env.put(CommonConfig.TOPIC_PARTITIONS.key(), "2");
        env.put(CommonConfig.RETRY_SCHEDULE.key(), "1s,1s");
        env.put(CommonConfig.MANAGEMENT_PORT.key(), "0");
        env.put(WorkerConfig.GROUP_ID.key(), names.deliveries() + ".workers");
        env.putAll(UrlPolicyConfig.localDevelopment());
        env.put(WorkerConfig.REQUEST_TIMEOUT.key(), "5s");
        env.put(WorkerConfig.CONNECT_TIMEOUT.key(), "2s");
        env.put(WorkerConfig.SHUTDOWN_TIMEOUT.key(), "5s");
        env.put(WorkerConfig.COMMIT_INTERVAL.key(), "200ms");
        env.put(WorkerConfig.TRUST_STORE.key(), TRUST_STORE.toString());
        env.put(WorkerConfig.TRUST_STORE_PASSWORD.key(), SelfSignedCertificate.TRUST_STORE_PASSWORD);
        env.putAll(TestSecretsKeys.environment());
        env.putAll(overrides);
        this.environment = Map.copyOf(env);
        this.config = WorkerConfig.from(new Environment(environment));
        this.topics = config.common().topics();
        TopicProvisioner.from(broker.admin(), config.common()).ensure(DeliveryWorker.topics(config), Duration.ofSeconds(30));
        Map<String, Object> producerConfig = broker.producerConfig();
        // Fresh topics: with more in flight, an overtaken first batch can be lost (KAFKA-15591).
        producerConfig.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producer = new KafkaProducer<>(producerConfig);
    }

    /** A harness with the test defaults and {@code overrides} on top. */
    public static WorkerHarness create(KafkaTestBroker broker, Map<String, String> overrides) {
        return new WorkerHarness(broker, overrides);
    }

    /** The certificate HTTPS receivers present; the worker trusts it through its trust store setting. */
    public static SelfSignedCertificate certificate() {
        return CERTIFICATE;
    }

    /** The worker's environment, for running it as a separate process. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The worker's settings, as every worker this harness starts gets them. */
    public WorkerConfig config() {
        return config;
    }

    public Topics topics() {
        return topics;
    }

    public void putSubscription(Subscription subscription) {
        send(topics.subscriptions(), subscription.id(), subscription);
    }

    /** Publishes raw bytes as the value of webhook {@code id}: for records that break the contract. */
    public void putRawSubscription(String id, String value) {
        acknowledged(producer.send(new ProducerRecord<>(topics.subscriptions().name(), id.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8))));
    }

    /** Publishes raw bytes on the deliveries topic: for records that break the contract. */
    public void routeRaw(String key, String value) {
        acknowledged(producer.send(new ProducerRecord<>(topics.deliveries().name(), key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8))));
    }

    public void deleteSubscription(String id) {
        send(topics.subscriptions(), new SubscriptionId(id), null);
    }

    public void putSecrets(OrganizationSecrets secrets) {
        send(topics.secrets(config.secrets().atRest()), secrets.organizationId(), secrets);
    }

    /** Publishes raw bytes as the secrets record of {@code organization}: for records that break the contract. */
    public void putRawSecrets(String organization, byte[] value) {
        acknowledged(producer.send(new ProducerRecord<>(topics.names().secrets(), organization.getBytes(StandardCharsets.UTF_8),
                value)));
    }

    /** Publishes a delivery as the router would. */
    public void route(Delivery delivery) {
        send(topics.deliveries(), delivery.subscriptionId(), delivery);
    }

    /** Publishes {@code delivery} on the retry topic of {@code delay}, creating the topic if this schedule has none. */
    public void putOnRetryTopic(Duration delay, Delivery delivery) {
        Topic<SubscriptionId, Delivery> topic = topics.retry(delay);
        TopicProvisioner.from(broker.admin(), config.common()).ensure(List.of(topic), Duration.ofSeconds(30));
        send(topic, delivery.subscriptionId(), delivery);
    }

    /** Publishes many deliveries, then waits for every acknowledgement. */
    public void routeAll(List<Delivery> deliveries) {
        Topic<SubscriptionId, Delivery> topic = topics.deliveries();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            sent.add(producer.send(new ProducerRecord<>(topic.name(),
                    topic.keySerde().serializer().serialize(topic.name(), delivery.subscriptionId()),
                    topic.valueSerde().serializer().serialize(topic.name(), delivery))));
        }
        for (Future<RecordMetadata> future : sent) {
            acknowledged(future);
        }
    }

    /** Starts a worker and waits until it is ready. */
    public DeliveryWorker start() {
        DeliveryWorker worker = DeliveryWorker.start(config, new SimpleMeterRegistry(), Clock.systemUTC());
        workers.add(worker);
        await().atMost(Duration.ofSeconds(30)).until(() -> worker.health().up());
        return worker;
    }

    /** Every attempt record written so far. */
    public List<Attempt> attempts() {
        if (attempts == null) {
            attempts = reader(topics.attempts());
        }
        return attempts.read();
    }

    /** Every delivery put on a retry topic of the current schedule so far (retried or deferred). */
    public List<Delivery> onRetryTopics() {
        if (retries == null) {
            retries = topics.retries(config.common().retrySchedule()).stream().map(this::reader).toList();
        }
        return retries.stream().flatMap(reader -> reader.read().stream()).toList();
    }

    /** Publishes an operational event as a worker would (for a worker's late write in a race). */
    public void putOperationalEvent(OperationalEvent event) {
        send(topics.operationalEvents(), event.subscriptionId(), event);
    }

    /** Every operational event written so far. */
    public List<OperationalEvent> operationalEvents() {
        if (operationalEvents == null) {
            operationalEvents = reader(topics.operationalEvents());
        }
        return operationalEvents.read();
    }

    /** Every webhook record on the subscriptions topic so far (tombstones left out). */
    public List<Subscription> subscriptionRecords() {
        if (subscriptionRecords == null) {
            subscriptionRecords = reader(topics.subscriptions());
        }
        return subscriptionRecords.read().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Every dead letter written so far. */
    public List<Delivery> deadLetters() {
        if (deadLetters == null) {
            deadLetters = reader(topics.deadLetters());
        }
        return deadLetters.read();
    }

    private <V> TopicReader<V> reader(Topic<?, V> topic) {
        TopicReader<V> reader = new TopicReader<>(broker.bootstrapServers(), topic);
        readers.add(reader);
        return reader;
    }

    private <K, V> void send(Topic<K, V> topic, K key, V value) {
        acknowledged(producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value))));
    }

    private static void acknowledged(Future<RecordMetadata> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    @Override
    public void close() throws Exception {
        for (DeliveryWorker worker : workers) {
            worker.close();
        }
        for (AutoCloseable reader : readers) {
            reader.close();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
