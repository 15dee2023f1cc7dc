package io.mediahooks.cli.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.OperationalEventCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafka
class WebhookCommandsIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void loopbackOverPlainHttpIsWrittenWithTheLocalDevelopmentSettings(KafkaTestBroker kafka) {
        // Without them it is refused before Kafka is contacted: WebhookPutPolicyTest.
        CliHarness cli = CliHarness.on(kafka, Clock.fixed(NOW, ZoneOffset.UTC), UrlPolicyConfig.localDevelopment());

        CliHarness.Result put = cli.run("webhook", "put", "--id", "wh_local", "--org", "org_42", "--url", "http://127.0.0.1:9000/",
                "--events", "ALL");

        assertThat(put.exitCode()).as(put.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().subscriptions().name(), 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(SubscriptionCodec.INSTANCE.decode(records.get(0).value()).url().toString()).isEqualTo("http://127.0.0.1:9000/");
    }

    @Test
    void putWritesTheSubscriptionKeyedByItsIdAndDeleteWritesATombstone(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        CliHarness.Result put = cli.run("webhook", "put", "--id", "wh_1", "--org", "org_42",
                "--url", "https://hooks.example.com/flow", "--events", "VIDEO_READY,livestream_updated",
                "--has-tag", "sports", "--description", "publishing workflow");
        CliHarness.Result delete = cli.run("webhook", "delete", "--id", "wh_1");

        assertThat(put.exitCode()).as(put.err()).isZero();
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).contains("wh_1 deleted");
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().subscriptions().name(), 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(2).allSatisfy(record ->
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("wh_1"));
        assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
        Subscription written = SubscriptionCodec.INSTANCE.decode(records.get(0).value());
        assertThat(written.organizationId().value()).isEqualTo("org_42");
        assertThat(written.url().toString()).isEqualTo("https://hooks.example.com/flow");
        assertThat(written.events().types()).containsExactlyInAnyOrder(EventType.VIDEO_READY, EventType.LIVESTREAM_UPDATED);
        assertThat(written.conditions()).containsExactly(new Condition.HasTag("sports"));
        assertThat(written.enabled()).isTrue();
        assertThat(written.description()).contains("publishing workflow");
        assertThat(records.get(1).value()).isNull();
    }

    @Test
    void putFromFileWritesItAsGivenAndAnInvalidFileWritesNothing(KafkaTestBroker kafka, @TempDir Path dir) throws Exception {
        CliHarness cli = CliHarness.on(kafka, NOW);
        Path valid = dir.resolve("subscription.json");
        Files.writeString(valid, """
                { "id": "wh_2", "organization_id": "org_42", "url": "https://hooks.example.com/all",
                  "events": ["ALL"], "enabled": false }
                """);
        Path invalid = dir.resolve("bad.json");
        Files.writeString(invalid, """
                { "id": "wh_3", "organization_id": "org_42", "url": "https://hooks.example.com/x",
                  "events": ["VIDEO_EXPLODED"] }
                """);

        CliHarness.Result bad = cli.run("webhook", "put", "--file", invalid.toString());
        CliHarness.Result good = cli.run("webhook", "put", "--file", valid.toString());

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("events[0]: unknown value VIDEO_EXPLODED");
        assertThat(good.exitCode()).as(good.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().subscriptions().name(), 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        Subscription written = SubscriptionCodec.INSTANCE.decode(records.get(0).value());
        assertThat(written.id().value()).isEqualTo("wh_2");
        assertThat(written.events().all()).isTrue();
        assertThat(written.enabled()).isFalse();
    }

    @Test
    void deleteOfAnUnknownWebhookSaysSoButStillSucceeds(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        CliHarness.Result delete = cli.run("webhook", "delete", "--id", "wh_typo");

        assertThat(delete.exitCode()).isZero();
        assertThat(delete.out()).contains("wh_typo was not found");
    }

    @Test
    void listShowsTheWorkersDisableOnlyWhileItNamesTheWebhooksCurrentRecord(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);
        ok(cli.run("webhook", "put", "--id", "wh_1", "--org", "org_42", "--url", "https://hooks.example.com/a", "--events", "ALL"));
        ok(cli.run("webhook", "put", "--id", "wh_2", "--org", "org_42", "--url", "https://hooks.example.com/b",
                "--events", "VIDEO_READY", "--has-tag", "sports"));
        ok(cli.run("webhook", "put", "--id", "wh_9", "--org", "org_7", "--url", "https://hooks.example.com/c", "--events", "ALL"));
        List<ConsumerRecord<byte[], byte[]>> written = kafka.readAll(cli.topics().subscriptions().name(), 3, Duration.ofSeconds(10));
        long wh1 = offsetOf(written, "wh_1");
        long wh2 = offsetOf(written, "wh_2");
        Instant disabledAt = Instant.parse("2026-12-02T08:00:00Z");
        disable(kafka, cli, "wh_1", wh1, disabledAt);
        // Judged against another revision of wh_2 than its current one: it must not count.
        disable(kafka, cli, "wh_2", wh2 + 1_000, disabledAt);

        CliHarness.Result listed = cli.run("webhook", "list", "--organization", "org_42");

        ok(listed);
        assertThat(listed.out().lines().toList()).containsExactly(
                "org_42 wh_1 DISABLED since 2026-12-02T08:00:00Z: every attempt failed since 2026-11-27T08:00:00Z (last: HTTP 503)"
                        + " ALL https://hooks.example.com/a",
                "org_42 wh_2 enabled VIDEO_READY has_tag:sports https://hooks.example.com/b",
                "2 webhooks");

        ok(cli.run("webhook", "put", "--id", "wh_1", "--org", "org_42", "--url", "https://hooks.example.com/a2", "--events", "ALL"));
        CliHarness.Result updated = cli.run("webhook", "list", "--id", "wh_1");

        assertThat(updated.out().lines().toList()).containsExactly("org_42 wh_1 enabled ALL https://hooks.example.com/a2", "1 webhook");
    }

    private static void disable(KafkaTestBroker kafka, CliHarness cli, String webhook, long offset, Instant at) {
        OperationalEvent event = new OperationalEvent(new SubscriptionId(webhook), new OrganizationId("org_42"),
                OperationalEvent.Type.DISABLED, at, "https://hooks.example.com/a",
                "every attempt failed since 2026-11-27T08:00:00Z (last: HTTP 503)",
                Optional.of(Instant.parse("2026-11-27T08:00:00Z")), OptionalLong.of(offset));
        kafka.send(cli.topics().operationalEvents().name(), webhook.getBytes(StandardCharsets.UTF_8),
                OperationalEventCodec.INSTANCE.encode(event));
    }

    private static long offsetOf(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream().filter(record -> new String(record.key(), StandardCharsets.UTF_8).equals(key))
                .mapToLong(ConsumerRecord::offset).max().orElseThrow();
    }

    private static void ok(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
