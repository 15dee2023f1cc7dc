package io.mediahooks.cli.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AttemptLineTest {

    @Test
    void showsTimeOutcomeWebhookAttemptEventStatusDurationAndUrl() {
        assertThat(AttemptLine.format(attempt(OptionalInt.of(200), Optional.empty(), AttemptOutcome.DELIVERED)))
                .isEqualTo("2026-11-26T12:00:01Z delivered       wh_1 attempt 3 VIDEO_READY evt_7b1c0e -> 200 in 41 ms https://h.example.com/x");
    }

    @Test
    void showsTheErrorWhenNoResponseCame() {
        assertThat(AttemptLine.format(attempt(OptionalInt.empty(), Optional.of("connect timed out"), AttemptOutcome.DEAD_LETTERED)))
                .isEqualTo("2026-11-26T12:00:01Z dead_lettered   wh_1 attempt 3 VIDEO_READY evt_7b1c0e -> no response in 41 ms"
                        + " https://h.example.com/x (connect timed out)");
    }

    private static Attempt attempt(OptionalInt status, Optional<String> error, AttemptOutcome outcome) {
        OrganizationId org = new OrganizationId("org_42");
        EventId event = new EventId("evt_7b1c0e");
        SubscriptionId webhook = new SubscriptionId("wh_1");
        return new Attempt(DeliveryId.of(org, event, webhook), webhook, org, event, EventType.VIDEO_READY, 3,
                "https://h.example.com/x", status, error, 41, Instant.parse("2026-11-26T12:00:01.250Z"), outcome);
    }
}
