package io.mediahooks.cli.local;

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

class ProgressCountsTest {

    @Test
    void retryingCountsDeliveriesWaitingForARetryNow() {
        ProgressCounts counts = new ProgressCounts();

        counts.record(attempt("evt_1", 1, AttemptOutcome.RETRY_SCHEDULED));
        counts.record(attempt("evt_1", 2, AttemptOutcome.RETRY_SCHEDULED));
        counts.record(attempt("evt_2", 1, AttemptOutcome.RETRY_SCHEDULED));
        counts.record(attempt("evt_3", 1, AttemptOutcome.DELIVERED));
        assertThat(counts.retrying()).isEqualTo(2);

        counts.record(attempt("evt_1", 3, AttemptOutcome.DEAD_LETTERED));
        counts.record(attempt("evt_2", 2, AttemptOutcome.DELIVERED));

        assertThat(counts.retrying()).isZero();
        assertThat(counts.summary()).isEqualTo("delivered 2, retrying 0 (3 retries so far), dead-lettered 1, dropped 0");
    }

    private static Attempt attempt(String eventId, int number, AttemptOutcome outcome) {
        OrganizationId org = new OrganizationId("org_demo");
        EventId event = new EventId(eventId);
        SubscriptionId webhook = new SubscriptionId("wh_failing");
        return new Attempt(DeliveryId.of(org, event, webhook), webhook, org, event, EventType.VIDEO_READY, number,
                "http://127.0.0.1/fail/wh_failing", OptionalInt.of(503), Optional.empty(), 3, Instant.EPOCH, outcome);
    }
}
