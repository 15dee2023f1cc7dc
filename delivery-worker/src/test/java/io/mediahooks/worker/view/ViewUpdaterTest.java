package io.mediahooks.worker.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.UrlPolicyConfig;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.testing.Fixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The worker's view of webhook-subscriptions validates URLs with the one URL policy, as the API and
 * the router do: a record whose URL the policy refuses is skipped and counted, and the webhook stays
 * as it was, so its deliveries still go to the previous valid URL.
 */
class ViewUpdaterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Topics TOPICS = new Topics(TopicNames.defaults());
    private static final SecretsAtRest KEYS = SecretsAtRest.encrypted(SecretsKeyRing.parse(TestSecretsKeys.RING));
    /** URLs that parse, so the codec takes them, but that production's policy refuses. */
    private static final List<String> REFUSED = List.of("http://hooks.example.com/plain", "https://10.0.0.1/",
            "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://2130706433/");
    private static final String VALID = "https://hooks.example.com/wh_1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebhookDirectory directory = new WebhookDirectory();
    private long offset;

    @Test
    void refusedUrlsAreSkippedCountedAndThePreviousVersionStays() {
        ViewUpdater updater = updater(Map.of());
        updater.apply(secrets());
        updater.apply(subscription(VALID));
        long validOffset = offset - 1;
        REFUSED.forEach(url -> updater.apply(subscription(url)));

        assertThat(directory.revision(new SubscriptionId("wh_1"))).hasValueSatisfying(revision -> {
            assertThat(revision.subscription().url()).isEqualTo(URI.create(VALID));
            assertThat(revision.offset()).isEqualTo(validOffset);
        });
        assertThat(directory.resolve(delivery(), NOW)).isInstanceOfSatisfying(Resolution.Send.class,
                send -> assertThat(send.url()).isEqualTo(URI.create(VALID)));
        assertThat(invalidSubscriptions()).isEqualTo(REFUSED.size());
    }

    @Test
    void aTombstoneStillDeletesAfterRefusedVersions() {
        ViewUpdater updater = updater(Map.of());
        updater.apply(subscription(VALID));
        updater.apply(subscription("https://169.254.169.254/"));
        updater.apply(record(TOPICS.names().subscriptions(), "wh_1", null));

        assertThat(directory.revision(new SubscriptionId("wh_1"))).isEmpty();
    }

    @Test
    void localDevelopmentSettingsLetTheSameUrlsThrough() {
        ViewUpdater updater = updater(UrlPolicyConfig.localDevelopment());
        updater.apply(secrets());
        updater.apply(subscription(VALID));
        for (String url : REFUSED) {
            updater.apply(subscription(url));
            assertThat(directory.resolve(delivery(), NOW)).isInstanceOfSatisfying(Resolution.Send.class,
                    send -> assertThat(send.url()).isEqualTo(URI.create(url)));
        }
        assertThat(invalidSubscriptions()).isZero();
    }

    private ViewUpdater updater(Map<String, String> settings) {
        return new ViewUpdater(TOPICS.subscriptions(), TOPICS.secrets(KEYS), TOPICS.operationalEvents(), directory,
                UrlPolicyConfig.from(new Environment(settings)).policy(), new WorkerMetrics(registry));
    }

    private ConsumerRecord<byte[], byte[]> subscription(String url) {
        Subscription webhook = Fixtures.subscription("wh_1", "org_42", url);
        return record(TOPICS.names().subscriptions(), "wh_1", Topics.SUBSCRIPTION.serializer().serialize("", webhook));
    }

    private ConsumerRecord<byte[], byte[]> secrets() {
        return record(TOPICS.names().secrets(), "org_42",
                TOPICS.secrets(KEYS).valueSerde().serializer().serialize("", Fixtures.secrets("org_42", Fixtures.newSecretValue())));
    }

    private ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, offset++, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private static Delivery delivery() {
        return Fixtures.delivery("wh_1", "org_42", "evt_1", VALID, NOW);
    }

    private double invalidSubscriptions() {
        Counter counter = registry.find("mediahooks.worker.view.invalid.records").tag("topic", TOPICS.names().subscriptions()).counter();
        return counter == null ? 0 : counter.count();
    }
}
