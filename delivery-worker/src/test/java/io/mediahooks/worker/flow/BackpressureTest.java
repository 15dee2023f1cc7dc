package io.mediahooks.worker.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackpressureTest {

    @Test
    void engagesAtTheLimitAndLetsGoBelowThreeQuarters() {
        Backpressure backpressure = new Backpressure(100);

        assertThat(backpressure.engaged(99)).isFalse();
        assertThat(backpressure.engaged(100)).isTrue();
        assertThat(backpressure.engaged(80)).as("no flapping just below the limit").isTrue();
        assertThat(backpressure.engaged(74)).isFalse();
        assertThat(backpressure.engaged(80)).isFalse();
    }

    @Test
    void engagesOnBytesHeldAsWellAsOnCount() {
        Backpressure backpressure = new Backpressure(100, 1000);

        assertThat(backpressure.engaged(1, 999)).isFalse();
        assertThat(backpressure.engaged(1, 1000)).as("a few large records fill memory").isTrue();
        assertThat(backpressure.engaged(1, 800)).isTrue();
        assertThat(backpressure.engaged(1, 749)).isFalse();
    }
}
