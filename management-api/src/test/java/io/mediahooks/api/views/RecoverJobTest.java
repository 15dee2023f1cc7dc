package io.mediahooks.api.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoverJobTest {

    private static final Instant UPDATED = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration SILENCE = Duration.ofSeconds(60);

    private static RecoverJob job(RecoverJob.State state) {
        return new RecoverJob("job_0123456789abcdef", new OrganizationId("org_a"), new SubscriptionId("wh_a"),
                UPDATED.minusSeconds(3600), Optional.empty(), state, 250, 100, Optional.empty(), UPDATED.minusSeconds(5), UPDATED);
    }

    @Test
    void anUnfinishedJobNotRenewedForTheSilenceIsFailedAsAbandonedWithItsLastCounts() {
        for (RecoverJob.State state : new RecoverJob.State[] {RecoverJob.State.QUEUED, RecoverJob.State.RUNNING}) {
            RecoverJob seen = job(state).asSeenAt(UPDATED.plus(SILENCE).plusMillis(1), SILENCE);
            assertThat(seen.state()).as(state.name()).isEqualTo(RecoverJob.State.FAILED);
            assertThat(seen.error()).get().asString().startsWith("abandoned: ").contains(UPDATED.toString());
            assertThat(seen.matched()).isEqualTo(250);
            assertThat(seen.replayed()).isEqualTo(100);
            assertThat(seen.updatedAt()).isEqualTo(UPDATED);
        }
    }

    @Test
    void anUnfinishedJobRenewedWithinTheSilenceIsAsRecorded() {
        for (RecoverJob.State state : new RecoverJob.State[] {RecoverJob.State.QUEUED, RecoverJob.State.RUNNING}) {
            RecoverJob job = job(state);
            assertThat(job.asSeenAt(UPDATED.plus(SILENCE), SILENCE)).isEqualTo(job);
            assertThat(job.asSeenAt(UPDATED, SILENCE)).isEqualTo(job);
        }
    }

    @Test
    void aFinishedJobIsAsRecordedHoweverOld() {
        for (RecoverJob.State state : new RecoverJob.State[] {RecoverJob.State.SUCCEEDED, RecoverJob.State.FAILED}) {
            RecoverJob job = job(state);
            assertThat(job.asSeenAt(UPDATED.plus(Duration.ofDays(30)), SILENCE)).isEqualTo(job);
        }
    }
}
