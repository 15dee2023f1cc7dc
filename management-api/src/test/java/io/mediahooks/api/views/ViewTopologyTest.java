package io.mediahooks.api.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.api.ApiConfig;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.AttemptCodec;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.runtime.Environment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The views' indexing rules, on Kafka Streams' test driver: key order for the queries, one dead letter per delivery, retention. */
class ViewTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private TopologyTestDriver driver;
    private ApiConfig config;

    @BeforeEach
    void start() throws Exception {
        config = ApiConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_ADMIN_TOKEN", "test-token",
                "MEDIAHOOKS_API_VIEW_RETENTION", "1h"))));
        StreamsBuilder builder = new StreamsBuilder();
        ViewTopology.build(builder, config, new ViewUpdates());
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "views-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(Files.createDirectories(Path.of("target")), "views")
                .toString());
        driver = new TopologyTestDriver(builder.build(), properties);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static Attempt attempt(String webhook, String delivery, int number, Instant at, AttemptOutcome outcome) {
        return new Attempt(new DeliveryId(delivery), new SubscriptionId(webhook), new OrganizationId("org_1"), new EventId("evt_" + delivery),
                EventType.VIDEO_READY, number, "https://a", OptionalInt.of(503), Optional.empty(), 10, at, outcome);
    }

    private TestInputTopic<String, byte[]> topic(String name) {
        return driver.createInputTopic(name, new StringSerializer(), new ByteArraySerializer());
    }

    private List<String> keys(String store, String prefix) {
        KeyValueStore<String, byte[]> view = driver.getKeyValueStore(store);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = view.range(prefix, prefix + Keys.END)) {
            it.forEachRemaining((KeyValue<String, byte[]> entry) -> keys.add(entry.key));
        }
        return keys;
    }

    @Test
    void attemptsOfAWebhookAreNewestFirstAndADeliverysOldestFirst() {
        TestInputTopic<String, byte[]> attempts = topic(config.topics().names().attempts());
        attempts.pipeInput("wh_1", AttemptCodec.INSTANCE.encode(attempt("wh_1", "msg_a", 1, T0, AttemptOutcome.RETRY_SCHEDULED)), T0);
        attempts.pipeInput("wh_1", AttemptCodec.INSTANCE.encode(attempt("wh_1", "msg_a", 2, T0.plusSeconds(5), AttemptOutcome.DELIVERED)),
                T0.plusSeconds(5));
        attempts.pipeInput("wh_2", AttemptCodec.INSTANCE.encode(attempt("wh_2", "msg_b", 1, T0, AttemptOutcome.DELIVERED)), T0);

        List<String> byWebhook = keys(ViewTopology.ATTEMPTS, Keys.prefix(ViewTopology.BY_WEBHOOK, "wh_1"));
        assertThat(byWebhook).hasSize(2);
        assertThat(byWebhook.get(0)).endsWith("00002");
        List<String> byDelivery = keys(ViewTopology.ATTEMPTS, Keys.prefix(ViewTopology.BY_DELIVERY, "msg_a"));
        assertThat(byDelivery).hasSize(2);
        assertThat(byDelivery.get(0)).endsWith("00001");
    }

    @Test
    void aDeliveryDeadLetteredAgainIsListedOnceWithItsLatestRecord() {
        TestInputTopic<String, byte[]> dead = topic(config.topics().names().deadLetters());
        for (int round = 0; round < 2; round++) {
            Instant at = T0.plusSeconds(60L * round);
            Attempt last = attempt("wh_1", "msg_a", 3, at, AttemptOutcome.DEAD_LETTERED);
            Delivery deadLetter = new Delivery(new DeliveryId("msg_a"), new SubscriptionId("wh_1"), new OrganizationId("org_1"),
                    new EventId("evt_a"), EventType.VIDEO_READY, RfcTimestamp.of(T0), "https://a", "{}", T0, 3, Optional.empty(),
                    Optional.of(last));
            dead.pipeInput("wh_1", DeliveryCodec.INSTANCE.encode(deadLetter), at);
        }
        assertThat(keys(ViewTopology.DEAD_LETTERS, Keys.prefix(ViewTopology.DEAD_BY_WEBHOOK, "wh_1")))
                .singleElement().asString().contains(Keys.newestFirst(T0.plusSeconds(60)));
        assertThat(keys(ViewTopology.DEAD_LETTERS, Keys.prefix(ViewTopology.DEAD_BY_ORGANIZATION, "org_1"))).hasSize(1);
    }

    @Test
    void entriesOlderThanTheRetentionAreSweptAsNewRecordsArrive() {
        TestInputTopic<String, byte[]> attempts = topic(config.topics().names().attempts());
        attempts.pipeInput("wh_old", AttemptCodec.INSTANCE.encode(attempt("wh_old", "msg_old", 1, T0, AttemptOutcome.DELIVERED)), T0);
        Instant later = T0.plus(Duration.ofHours(2));
        for (int i = 0; i < 1_000; i++) {
            attempts.pipeInput("wh_new", AttemptCodec.INSTANCE.encode(attempt("wh_new", "msg_" + i, 1, later, AttemptOutcome.DELIVERED)),
                    later);
        }
        assertThat(keys(ViewTopology.ATTEMPTS, Keys.prefix(ViewTopology.BY_WEBHOOK, "wh_old"))).isEmpty();
        assertThat(keys(ViewTopology.ATTEMPTS, Keys.prefix(ViewTopology.BY_DELIVERY, "msg_old"))).isEmpty();
        assertThat(keys(ViewTopology.ATTEMPTS, Keys.prefix(ViewTopology.BY_WEBHOOK, "wh_new"))).hasSize(1_000);
    }

    @Test
    void webhooksAreIndexedByOrganizationAndAnInvalidRecordKeepsThePreviousVersion() {
        TestInputTopic<String, byte[]> subscriptions = topic(config.topics().names().subscriptions());
        String valid = "{\"id\":\"wh_1\",\"organization_id\":\"org_1\",\"url\":\"https://a.example\",\"events\":[\"ALL\"]}";
        subscriptions.pipeInput("wh_1", valid.getBytes(StandardCharsets.UTF_8));
        subscriptions.pipeInput("wh_1", "{\"id\":\"wh_1\",\"events\":[]}".getBytes(StandardCharsets.UTF_8));
        KeyValueStore<String, byte[]> view = driver.getKeyValueStore(ViewTopology.SUBSCRIPTIONS);
        assertThat(new String(view.get("wh_1"), StandardCharsets.UTF_8)).isEqualTo(valid);
        assertThat(keys(ViewTopology.SUBSCRIPTIONS, ViewTopology.organizationPrefix("org_1"))).hasSize(1);

        subscriptions.pipeInput("wh_1", valid.replace("org_1", "org_2").getBytes(StandardCharsets.UTF_8));
        assertThat(keys(ViewTopology.SUBSCRIPTIONS, ViewTopology.organizationPrefix("org_1"))).isEmpty();
        assertThat(keys(ViewTopology.SUBSCRIPTIONS, ViewTopology.organizationPrefix("org_2"))).hasSize(1);
        subscriptions.pipeInput("wh_1", (byte[]) null);
        assertThat(view.get("wh_1")).isNull();
        assertThat(keys(ViewTopology.SUBSCRIPTIONS, ViewTopology.organizationPrefix("org_2"))).isEmpty();
    }

    @Test
    void aWebhookWhoseUrlThePolicyRefusesIsNotAppliedAsInTheDeliveryServicesViews() {
        TestInputTopic<String, byte[]> subscriptions = topic(config.topics().names().subscriptions());
        String valid = "{\"id\":\"wh_1\",\"organization_id\":\"org_1\",\"url\":\"https://a.example/hook\",\"events\":[\"ALL\"]}";
        subscriptions.pipeInput("wh_1", valid.getBytes(StandardCharsets.UTF_8));
        for (String refused : List.of("http://a.example/hook", "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook", "https://2130706433/hook")) {
            subscriptions.pipeInput("wh_1", valid.replace("https://a.example/hook", refused).getBytes(StandardCharsets.UTF_8));
            subscriptions.pipeInput("wh_2", valid.replace("wh_1", "wh_2").replace("https://a.example/hook", refused)
                    .getBytes(StandardCharsets.UTF_8));
        }
        KeyValueStore<String, byte[]> view = driver.getKeyValueStore(ViewTopology.SUBSCRIPTIONS);
        assertThat(new String(view.get("wh_1"), StandardCharsets.UTF_8)).isEqualTo(valid);
        assertThat(view.get("wh_2")).isNull();
        assertThat(keys(ViewTopology.SUBSCRIPTIONS, ViewTopology.organizationPrefix("org_1"))).hasSize(1);
    }
}
