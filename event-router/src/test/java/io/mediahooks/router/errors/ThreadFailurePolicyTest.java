package io.mediahooks.router.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.router.MutableClock;
import io.mediahooks.router.RouterMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ThreadFailurePolicyTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final ThreadFailurePolicy policy = new ThreadFailurePolicy(new RouterMetrics(new SimpleMeterRegistry()), clock, 2,
            Duration.ofMinutes(5));

    @Test
    void transientFailureReplacesTheThread() {
        assertThat(policy.handle(new StreamsException(new TimeoutException("broker away")))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void failuresThatKeepComingShutTheInstanceDown() {
        policy.handle(new StreamsException("one"));
        policy.handle(new StreamsException("two"));

        assertThat(policy.handle(new StreamsException("three"))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void oldFailuresAgeOut() {
        policy.handle(new StreamsException("one"));
        policy.handle(new StreamsException("two"));
        clock.advance(Duration.ofMinutes(6));

        assertThat(policy.handle(new StreamsException("three"))).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }

    @Test
    void jvmErrorShutsTheInstanceDown() {
        assertThat(policy.handle(new StreamsException(new OutOfMemoryError("heap")))).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }
}
