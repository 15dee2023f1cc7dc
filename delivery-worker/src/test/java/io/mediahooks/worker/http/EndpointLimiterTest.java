package io.mediahooks.worker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointLimiterTest {

    private static final EndpointKey SLOW = new EndpointKey("https://slow.example.com:443");
    private static final EndpointKey FAST = new EndpointKey("https://fast.example.com:443");

    private final List<String> started = new ArrayList<>();
    private final EndpointLimiter<String> limiter = new EndpointLimiter<>(2, 1, started::add);

    @Test
    void aBusyEndpointHoldsOnlyItsOwnSlots() {
        assertThat(limiter.submit(SLOW, "s1")).isEqualTo(EndpointLimiter.Admission.STARTED);
        assertThat(limiter.submit(SLOW, "s2")).isEqualTo(EndpointLimiter.Admission.STARTED);
        assertThat(limiter.submit(SLOW, "s3")).isEqualTo(EndpointLimiter.Admission.QUEUED);
        assertThat(limiter.submit(SLOW, "s4")).isEqualTo(EndpointLimiter.Admission.REJECTED);

        assertThat(limiter.submit(FAST, "f1")).isEqualTo(EndpointLimiter.Admission.STARTED);
        assertThat(started).containsExactly("s1", "s2", "f1");
        assertThat(limiter.active()).isEqualTo(3);
        assertThat(limiter.queued()).isEqualTo(1);
    }

    @Test
    void aReleasedSlotGoesToTheNextWaitingItem() {
        limiter.submit(SLOW, "s1");
        limiter.submit(SLOW, "s2");
        limiter.submit(SLOW, "s3");

        limiter.release(SLOW);
        assertThat(started).containsExactly("s1", "s2", "s3");
        assertThat(limiter.active()).isEqualTo(2);
        assertThat(limiter.queued()).isZero();

        limiter.release(SLOW);
        limiter.release(SLOW);
        assertThat(limiter.active()).isZero();
        assertThatThrownBy(() -> limiter.release(SLOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void waitingItemsCanBeTakenBack() {
        limiter.submit(SLOW, "s1");
        limiter.submit(SLOW, "s2");
        limiter.submit(SLOW, "p3");

        assertThat(limiter.removeWaiting(item -> item.startsWith("p"))).containsExactly("p3");
        assertThat(limiter.queued()).isZero();
        limiter.release(SLOW);
        assertThat(started).containsExactly("s1", "s2");
    }

    @Test
    void keysEndpointsBySchemeHostAndPort() {
        assertThat(EndpointKey.of(URI.create("https://Hooks.Example.com/a?b")))
                .isEqualTo(EndpointKey.of(URI.create("https://hooks.example.com:443/other")));
        assertThat(EndpointKey.of(URI.create("http://hooks.example.com/")))
                .isNotEqualTo(EndpointKey.of(URI.create("https://hooks.example.com/")));
    }
}
