package io.mediahooks.worker.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OwnershipLeaseTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void freshWhileThePollThreadRanWithinHalfTheSessionTimeout() {
        OwnershipLease lease = OwnershipLease.forSession(Duration.ofSeconds(10), 0);

        assertThat(lease.pause()).isEqualTo(Duration.ofSeconds(5));
        assertThat(lease.fresh(5 * SECOND)).isTrue();
        assertThat(lease.fresh(5 * SECOND + 1)).isFalse();
    }

    @Test
    void aProcessPausedLongerThanItsSessionFindsTheLeaseStaleUntilThePollThreadRenewsIt() {
        OwnershipLease lease = OwnershipLease.forSession(Duration.ofSeconds(10), 0);
        long wokeUp = 30 * SECOND;

        assertThat(lease.fresh(wokeUp)).isFalse();
        assertThat(lease.idleFor(wokeUp)).isEqualTo(Duration.ofSeconds(30));
        lease.renew(wokeUp);
        assertThat(lease.fresh(wokeUp + SECOND)).isTrue();
    }
}
