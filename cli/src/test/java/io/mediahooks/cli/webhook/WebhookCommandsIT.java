package io.mediahooks.cli.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventType;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.SubscriptionCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithKafka
class WebhookCommandsIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

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
}
