package io.mediahooks.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.runtime.CommonConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/** What the router's integration tests share: one router's settings on the shared broker, and I/O helpers. */
final class RouterItSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final KafkaTestBroker kafka;
    final String applicationId;
    final Topics topics;
    private final Map<String, String> env = new HashMap<>();

    /** A router of its own: unique application id and topic names, so tests on the shared broker never meet. */
    RouterItSupport(KafkaTestBroker kafka, String name) {
        this.kafka = kafka;
        String prefix = kafka.uniqueTopic(name) + "-";
        this.applicationId = prefix + "router";
        TopicNames names = TopicNames.defaults().prefixed(prefix);
        this.topics = new Topics(names);
        env.put(CommonConfig.KAFKA_BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
        env.put(CommonConfig.MANAGEMENT_PORT.key(), "0");
        env.put(CommonConfig.TOPIC_PARTITIONS.key(), "2");
        env.put(CommonConfig.RETRY_SCHEDULE.key(), "5s,1m");
        env.putAll(CommonConfig.topicVariables(names));
        env.putAll(TestSecretsKeys.environment());
        env.put(RouterConfig.APPLICATION_ID.key(), applicationId);
        env.put(RouterConfig.STATE_DIR.key(), newStateDir().toString());
        env.put(RouterConfig.STARTUP_TIMEOUT.key(), "30s");
        env.put(RouterConfig.SHUTDOWN_TIMEOUT.key(), "15s");
        // Output appears as soon as each record is processed, not when the cache flushes.
        env.put("MEDIAHOOKS_KAFKA_STATESTORE_CACHE_MAX_BYTES", "0");
    }

    /** The router's environment variables; a fresh, mutable copy. */
    Map<String, String> env() {
        return new HashMap<>(env);
    }

    RouterItSupport with(String key, String value) {
        env.put(key, value);
        return this;
    }

    static Path newStateDir() {
        return Path.of("target", "router-it-state", UUID.randomUUID().toString()).toAbsolutePath();
    }

    void put(Subscription webhook) {
        send(topics.subscriptions().name(), webhook.id().value(), Topics.SUBSCRIPTION.serializer().serialize("", webhook));
    }

    void put(OrganizationSecrets secrets) {
        send(topics.names().secrets(), secrets.organizationId().value(), Fixtures.sealed(secrets));
    }

    void delete(SubscriptionId id) {
        send(topics.subscriptions().name(), id.value(), null);
    }

    void publish(MediaEvent event) {
        send(topics.mediaEvents().name(), event.organizationId().value(), Fixtures.json(event));
    }

    void send(String topic, String key, byte[] value) {
        try {
            kafka.producer().send(new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits until the running router holds {@code webhooks} webhooks and the secrets of {@code organization}. */
    static void awaitLoaded(RouterApplication router, String organization, int webhooks) {
        OrganizationId id = new OrganizationId(organization);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(InvalidStateStoreException.class).untilAsserted(() -> {
            assertThat(router.webhooksOf(id)).hasSize(webhooks);
            assertThat(router.secretsOf(id)).isPresent();
        });
    }

    /** Waits until the running router's store holds exactly these webhooks (id and URL) for {@code organization}. */
    static void awaitWebhooks(RouterApplication router, String organization, Subscription... expected) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(InvalidStateStoreException.class).untilAsserted(() ->
                assertThat(router.webhooksOf(new OrganizationId(organization))).containsExactlyInAnyOrder(expected));
    }

    /** Committed deliveries, once at least {@code expected} arrived (or the timeout passed). */
    List<Delivery> deliveries(int expected, Duration timeout) {
        return kafka.readAll(topics.deliveries().name(), expected, timeout).stream()
                .map(record -> Topics.DELIVERY.deserializer().deserialize("", record.value()))
                .toList();
    }

    /** Waits until the first delivery is committed: the router is in the middle of the stream. */
    void awaitFirstDelivery() {
        // Metadata lookups can time out on a busy machine: that is "not yet", not a failure.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(TimeoutException.class)
                .until(() -> !deliveries(1, Duration.ofSeconds(2)).isEmpty());
    }

    List<ConsumerRecord<byte[], byte[]>> invalid(int expected, Duration timeout) {
        return kafka.readAll(topics.mediaEventsInvalid().name(), expected, timeout);
    }

    static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
