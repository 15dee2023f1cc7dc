package io.mediahooks.cli.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.AttemptCodec;
import io.mediahooks.model.json.MediaEventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithKafka
class EventAndAttemptsIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void publishWritesTheEventKeyedByItsOrganization(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        CliHarness.Result publish = cli.run("event", "publish", "--type", "VIDEO_READY", "--org", "org_42",
                "--id", "evt_7b1c0e", "--tags", "sports,highlights", "--payload", "{\"id\":\"vid_9\",\"name\":\"Final\"}");

        assertThat(publish.exitCode()).as(publish.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().mediaEvents().name(), 1, Duration.ofSeconds(10));
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("org_42");
        MediaEvent event = MediaEventCodec.INSTANCE.decode(records.get(0).value());
        assertThat(event.eventId().value()).isEqualTo("evt_7b1c0e");
        assertThat(event.createdAt().instant()).isEqualTo(NOW);
        assertThat(event.tags()).containsExactly("sports", "highlights");
        assertThat(event.payload().get("name").asText()).isEqualTo("Final");
    }

    @Test
    void tailPrintsOneLinePerAttemptOfTheChosenWebhook(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);
        String attempts = cli.topics().attempts().name();
        kafka.send(attempts, "wh_1".getBytes(StandardCharsets.UTF_8), AttemptCodec.INSTANCE.encode(attempt("wh_1", 503,
                AttemptOutcome.RETRY_SCHEDULED)));
        kafka.send(attempts, "wh_2".getBytes(StandardCharsets.UTF_8), AttemptCodec.INSTANCE.encode(attempt("wh_2", 200,
                AttemptOutcome.DELIVERED)));

        CliHarness.Result tail = cli.run("attempts", "tail", "--webhook", "wh_1", "--no-follow");

        assertThat(tail.exitCode()).as(tail.err()).isZero();
        assertThat(tail.out().lines().toList()).containsExactly(
                "2026-11-27T12:00:00Z retry_scheduled wh_1 attempt 1 VIDEO_READY evt_1 -> 503 in 41 ms https://hooks.example.com/wh_1");
    }

    private static Attempt attempt(String webhook, int status, AttemptOutcome outcome) {
        OrganizationId org = new OrganizationId("org_42");
        EventId event = new EventId("evt_1");
        SubscriptionId subscription = new SubscriptionId(webhook);
        return new Attempt(DeliveryId.of(org, event, subscription), subscription, org, event, EventType.VIDEO_READY, 1,
                "https://hooks.example.com/" + webhook, OptionalInt.of(status), Optional.empty(), 41, NOW, outcome);
    }
}
