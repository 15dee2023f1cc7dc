package io.mediahooks.router;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.state.DecodeCache;
import io.mediahooks.router.state.SecretsIndex;
import io.mediahooks.router.state.WebhookIndex;
import io.mediahooks.runtime.Environment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** The router's real topology and Streams config in a {@link TopologyTestDriver}, with typed helpers. */
final class RouterDriver implements AutoCloseable {

    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RouterConfig config;
    private final TopologyTestDriver driver;
    private final Topics topics;
    private final TestInputTopic<byte[], byte[]> events;
    private final TestInputTopic<byte[], byte[]> subscriptions;
    private final TestInputTopic<byte[], byte[]> secrets;
    private final TestOutputTopic<SubscriptionId, Delivery> deliveries;
    private final TestOutputTopic<byte[], byte[]> invalid;

    RouterDriver() {
        this(Map.of());
    }

    RouterDriver(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(TestSecretsKeys.environment());
        env.putAll(Map.of(
                RouterConfig.STATE_DIR.key(), Path.of("target", "topology-tests", UUID.randomUUID().toString()).toString(),
                "MEDIAHOOKS_KAFKA_STATESTORE_CACHE_MAX_BYTES", "0"));
        env.putAll(settings);
        config = RouterConfig.from(new Environment(env));
        topics = config.topics();
        RouterMetrics metrics = new RouterMetrics(registry);
        Properties properties = new Properties();
        properties.putAll(config.streamsConfig(metrics));
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(properties)));
        driver = new TopologyTestDriver(RouterTopology.build(builder, config, clock, metrics), properties, START);
        ByteArraySerializer bytes = new ByteArraySerializer();
        events = driver.createInputTopic(topics.mediaEvents().name(), bytes, bytes);
        subscriptions = driver.createInputTopic(topics.subscriptions().name(), bytes, bytes);
        secrets = driver.createInputTopic(topics.names().secrets(), bytes, bytes);
        deliveries = driver.createOutputTopic(topics.deliveries().name(), Topics.SUBSCRIPTION_ID.deserializer(),
                Topics.DELIVERY.deserializer());
        invalid = driver.createOutputTopic(topics.mediaEventsInvalid().name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    void publish(MediaEvent event) {
        publishRaw(utf8(event.organizationId().value()), Fixtures.json(event), new RecordHeaders());
    }

    void publishRaw(byte[] key, byte[] value, Headers headers) {
        events.pipeInput(new TestRecord<>(key, value, headers, clock.instant()));
    }

    void put(Subscription webhook) {
        putSubscriptionRaw(webhook.id().value(), Topics.SUBSCRIPTION.serializer().serialize("", webhook));
    }

    void putSubscriptionRaw(String key, byte[] value) {
        subscriptions.pipeInput(key == null ? null : utf8(key), value, clock.instant());
    }

    void delete(SubscriptionId id) {
        putSubscriptionRaw(id.value(), null);
    }

    void put(OrganizationSecrets organizationSecrets) {
        putSecretsRaw(organizationSecrets.organizationId().value(), Fixtures.sealed(organizationSecrets));
    }

    void putSecretsRaw(String key, byte[] value) {
        secrets.pipeInput(key == null ? null : utf8(key), value, clock.instant());
    }

    void deleteSecrets(OrganizationId organization) {
        putSecretsRaw(organization.value(), null);
    }

    /** Deliveries written since the last call, in order. */
    List<TestRecord<SubscriptionId, Delivery>> deliveries() {
        return deliveries.readRecordsToList();
    }

    List<Delivery> deliveryValues() {
        return deliveries().stream().map(TestRecord::value).toList();
    }

    /** Records set aside in media-events-invalid since the last call. */
    List<TestRecord<byte[], byte[]>> invalid() {
        return invalid.readRecordsToList();
    }

    /** The global webhook store as the router holds it now. */
    KeyValueStore<String, byte[]> webhookStore() {
        return driver.getKeyValueStore(WebhookIndex.STORE);
    }

    /** The global secrets store as the router holds it now. */
    KeyValueStore<String, byte[]> secretsStore() {
        return driver.getKeyValueStore(SecretsIndex.STORE);
    }

    /** The webhooks the router holds for {@code organization}, in id order. */
    List<Subscription> webhooksOf(String organization) {
        return WebhookIndex.webhooksOf(webhookStore(), new OrganizationId(organization), new DecodeCache<>(SubscriptionCodec.INSTANCE, 1));
    }

    double count(String counter, String... tags) {
        Counter found = registry.find(counter).tags(tags).counter();
        return found == null ? Double.NaN : found.count();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        driver.close();
    }
}
