package io.mediahooks.worker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.worker.flow.FetchBrake.Stop;
import org.junit.jupiter.api.Test;

class FetchBrakeTest {

    @Test
    void retriesStopAtAQuarterOfTheBudgetLongBeforeEverythingDoes() {
        FetchBrake brake = new FetchBrake(2000, Long.MAX_VALUE);

        assertThat(brake.update(600, 0, 499)).isEqualTo(Stop.NOTHING);
        assertThat(brake.update(700, 0, 500)).as("a burst of due retries").isEqualTo(Stop.RETRIES);
        assertThat(brake.update(1900, 0, 500)).as("not everything: first attempts are still fetched").isEqualTo(Stop.RETRIES);
        assertThat(brake.update(400, 0, 380)).as("no flapping just below the share").isEqualTo(Stop.RETRIES);
        assertThat(brake.update(400, 0, 374)).isEqualTo(Stop.NOTHING);
    }

    @Test
    void everythingStopsAtTheBudgetWhateverItHolds() {
        FetchBrake brake = new FetchBrake(2000, 1_000_000);

        assertThat(brake.update(2000, 0, 0)).as("first attempts alone").isEqualTo(Stop.EVERYTHING);
        assertThat(brake.update(1600, 0, 0)).isEqualTo(Stop.EVERYTHING);
        assertThat(brake.update(1400, 0, 0)).isEqualTo(Stop.NOTHING);
        assertThat(brake.update(10, 1_000_000, 0)).as("bytes").isEqualTo(Stop.EVERYTHING);
        assertThat(brake.update(10, 0, 0)).isEqualTo(Stop.NOTHING);
    }

    @Test
    void aBudgetOfOneStillLetsRetriesIn() {
        FetchBrake brake = new FetchBrake(1, Long.MAX_VALUE);

        assertThat(brake.update(0, 0, 0)).isEqualTo(Stop.NOTHING);
        assertThat(brake.update(1, 0, 1)).isEqualTo(Stop.EVERYTHING);
    }
}
