package io.mediahooks.api.deliveries;

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

class DeliveryStatsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static Attempt attempt(int second, AttemptOutcome outcome, long durationMs) {
        return new Attempt(new DeliveryId("msg_" + second), new SubscriptionId("wh_1"), new OrganizationId("org_1"),
                new EventId("evt_" + second), EventType.VIDEO_READY, 1, "https://a", OptionalInt.of(200), Optional.empty(),
                durationMs, T0.plusSeconds(second), outcome);
    }

    @Test
    void countsPercentilesLastTimesAndHealth() {
        DeliveryStats stats = new DeliveryStats();
        for (int i = 1; i <= 100; i++) {
            stats.add(attempt(i, AttemptOutcome.DELIVERED, i));
        }
        stats.add(attempt(200, AttemptOutcome.RETRY_SCHEDULED, 1000));
        assertThat(stats.count(AttemptOutcome.DELIVERED)).isEqualTo(100);
        assertThat(stats.total()).isEqualTo(101);
        assertThat(stats.percentile(50)).contains(51L);
        assertThat(stats.percentile(95)).contains(96L);
        assertThat(stats.lastSuccess()).contains(T0.plusSeconds(100));
        assertThat(stats.lastFailure()).contains(T0.plusSeconds(200));
        assertThat(stats.health(true)).isEqualTo("failing");
        assertThat(stats.health(false)).isEqualTo("disabled");
        assertThat(stats.hourly()).singleElement().satisfies(hour -> {
            assertThat(hour.delivered()).isEqualTo(100);
            assertThat(hour.failed()).isEqualTo(1);
        });
    }

    @Test
    void aWebhookWhoseNewestAttemptSucceededIsHealthy() {
        DeliveryStats stats = new DeliveryStats();
        stats.add(attempt(1, AttemptOutcome.RETRY_SCHEDULED, 5));
        stats.add(attempt(2, AttemptOutcome.DELIVERED, 5));
        assertThat(stats.health(true)).isEqualTo("healthy");
        assertThat(new DeliveryStats().percentile(50)).isEmpty();
    }
}
