package io.mediahooks.cli.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.json.DeliveryCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithKafka
class DeadLettersReplayIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void replayWritesTheMatchingDeadLettersBackWithAttemptsReset(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);
        String deadLetters = cli.topics().deadLetters().name();
        Delivery old = DeadLetterFixtures.deadLetter("wh_a", "org_1", "evt_old", NOW.minus(Duration.ofHours(5)));
        Delivery recent = DeadLetterFixtures.deadLetter("wh_a", "org_1", "evt_recent", NOW.minus(Duration.ofMinutes(30)));
        Delivery otherWebhook = DeadLetterFixtures.deadLetter("wh_b", "org_1", "evt_other", NOW.minus(Duration.ofMinutes(20)));
        Delivery recentAgain = DeadLetterFixtures.deadLetter("wh_a", "org_1", "evt_recent", NOW.minus(Duration.ofMinutes(10)));
        for (Delivery deadLetter : List.of(old, recent, otherWebhook, recentAgain)) {
            kafka.send(deadLetters, deadLetter.subscriptionId().value().getBytes(StandardCharsets.UTF_8),
                    DeliveryCodec.INSTANCE.encode(deadLetter));
        }

        CliHarness.Result dryRun = cli.run("dead-letters", "replay", "--webhook", "wh_a", "--since", "2h", "--dry-run");
        CliHarness.Result replay = cli.run("dead-letters", "replay", "--webhook", "wh_a", "--since", "2h");

        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("would replay").contains("1 dead letter would be replayed");
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("Replayed 1 dead letter");
        // The dry run wrote nothing: the one record on the topic is the real run's.
        List<ConsumerRecord<byte[], byte[]>> written = kafka.readAll(cli.topics().deliveries().name(), 1, Duration.ofSeconds(10));
        assertThat(written).hasSize(1);
        assertThat(new String(written.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("wh_a");
        Delivery replayed = DeliveryCodec.INSTANCE.decode(written.get(0).value());
        assertThat(replayed.deliveryId()).isEqualTo(recentAgain.deliveryId());
        assertThat(replayed.eventId().value()).isEqualTo("evt_recent");
        assertThat(replayed.attempts()).isZero();
        assertThat(replayed.notBefore()).isEmpty();
        assertThat(replayed.body()).isEqualTo(recentAgain.body());
    }

    @Test
    void listShowsEveryDeadLetterInTheTimeRangeOldestFirst(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);
        String deadLetters = cli.topics().deadLetters().name();
        for (Delivery deadLetter : List.of(
                DeadLetterFixtures.deadLetter("wh_a", "org_1", "evt_1", Instant.parse("2026-11-26T10:00:00Z")),
                DeadLetterFixtures.deadLetter("wh_b", "org_2", "evt_2", Instant.parse("2026-11-26T11:00:00Z")),
                DeadLetterFixtures.deadLetter("wh_a", "org_1", "evt_3", Instant.parse("2026-11-26T12:00:00Z")))) {
            kafka.send(deadLetters, deadLetter.subscriptionId().value().getBytes(StandardCharsets.UTF_8),
                    DeliveryCodec.INSTANCE.encode(deadLetter));
        }

        CliHarness.Result list = cli.run("dead-letters", "list",
                "--since", "2026-11-26T10:30:00Z", "--until", "2026-11-26T13:00:00Z");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().toList()).containsExactly(
                "2026-11-26T11:00:00Z wh_b VIDEO_READY evt_2 " + DeadLetterFixtures.deadLetter("wh_b", "org_2", "evt_2", NOW).deliveryId()
                        + " after 4 attempts: 503 from https://hooks.example.com/wh_b",
                "2026-11-26T12:00:00Z wh_a VIDEO_READY evt_3 " + DeadLetterFixtures.deadLetter("wh_a", "org_1", "evt_3", NOW).deliveryId()
                        + " after 4 attempts: 503 from https://hooks.example.com/wh_a",
                "2 dead letters");
    }
}
