package io.mediahooks.worker.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.worker.flow.CircuitBreaker.Transition;
import io.mediahooks.worker.http.EndpointKey;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.ManualClock;
import io.mediahooks.worker.view.WebhookDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HealthReporterTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final EndpointKey ENDPOINT = new EndpointKey("https://hooks.example.com:443");
    private static final String URL = "https://hooks.example.com/flow";

    private final ManualClock clock = new ManualClock(T0);
    private final WebhookDirectory directory = new WebhookDirectory();
    private final List<OperationalEvent> published = new ArrayList<>();
    private final HealthReporter reporter = new HealthReporter(directory, event -> {
        published.add(event);
        return CompletableFuture.completedFuture(null);
    }, new WorkerMetrics(new SimpleMeterRegistry()), clock, Duration.ofDays(5));

    @Test
    void eachWebhookMeetingTheOpenCircuitIsToldOnceAndEachRecovers() {
        directory.putSubscription(Fixtures.subscription("wh_a", "org_42", URL), 10);
        directory.putSubscription(Fixtures.subscription("wh_b", "org_42", URL), 11);

        reporter.attempted(delivery("wh_a"), ENDPOINT, false, Transition.OPENED, Optional.of(T0), "HTTP 503");
        reporter.deferred(delivery("wh_b"), ENDPOINT);
        reporter.deferred(delivery("wh_b"), ENDPOINT);
        reporter.attempted(delivery("wh_a"), ENDPOINT, true, Transition.RECOVERED, Optional.empty(), "HTTP 200");

        assertThat(published).extracting(event -> event.subscriptionId().value() + " " + event.type().wireName())
                .containsExactly("wh_a endpoint_opened", "wh_b endpoint_opened", "wh_a endpoint_recovered",
                        "wh_b endpoint_recovered");
        assertThat(published.get(0).failingSince()).contains(T0);
        assertThat(published.get(0).subscriptionOffset()).hasValue(10);
    }

    @Test
    void disablesOnceTheStreakReachesDisableAfterCountingFromThePublishedFailingSince() {
        directory.putSubscription(Fixtures.subscription("wh_a", "org_42", URL), 10);
        // A worker that ran before this one saw the endpoint failing since T0 (same revision).
        directory.putHealth(new OperationalEvent(new SubscriptionId("wh_a"), new OrganizationId("org_42"),
                OperationalEvent.Type.ENDPOINT_OPENED, T0, URL, "earlier", Optional.of(T0), OptionalLong.of(10)));
        clock.advance(Duration.ofDays(5));

        reporter.attempted(delivery("wh_a"), ENDPOINT, false, Transition.NONE, Optional.of(clock.instant().minusSeconds(60)),
                "timed out after 15000 ms");
        reporter.attempted(delivery("wh_a"), ENDPOINT, false, Transition.NONE, Optional.of(clock.instant().minusSeconds(60)),
                "timed out after 15000 ms");

        assertThat(published).hasSize(1).first().satisfies(event -> {
            assertThat(event.type()).isEqualTo(OperationalEvent.Type.DISABLED);
            assertThat(event.disables(10)).isTrue();
            assertThat(event.failingSince()).contains(T0);
            assertThat(event.reason()).contains("timed out");
        });
    }

    @Test
    void aFailingStreakOfAnEarlierRevisionDoesNotCount() {
        directory.putSubscription(Fixtures.subscription("wh_a", "org_42", URL), 12);
        directory.putHealth(new OperationalEvent(new SubscriptionId("wh_a"), new OrganizationId("org_42"),
                OperationalEvent.Type.ENDPOINT_OPENED, T0, URL, "before the user's update", Optional.of(T0), OptionalLong.of(10)));
        clock.advance(Duration.ofDays(6));

        reporter.attempted(delivery("wh_a"), ENDPOINT, false, Transition.NONE, Optional.of(clock.instant().minusSeconds(60)),
                "HTTP 500");

        assertThat(published).as("the user updated the webhook since: its streak starts again").isEmpty();
    }

    private static Delivery delivery(String subscription) {
        return Fixtures.delivery(subscription, "org_42", "evt_1", URL, T0);
    }
}
