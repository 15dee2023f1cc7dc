package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same event_id of an organization within the dedup window is routed once. */
class DeduplicationTest {

    private RouterDriver router;

    @BeforeEach
    void start() {
        router = new RouterDriver(Map.of(RouterConfig.DEDUP_WINDOW.key(), "24h"));
        router.put(secrets("org_42"));
        router.put(secrets("org_7"));
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
        router.put(webhook("wh_2", "org_42", EventType.VIDEO_READY));
        router.put(webhook("wh_7", "org_7", EventType.VIDEO_READY));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void duplicateEventIdWithinTheWindowIsRoutedOnce() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.clock.advance(Duration.ofHours(23));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY, "changed"));

        assertThat(router.deliveries()).hasSize(2);
        assertThat(router.count("mediahooks.router.events.deduplicated")).isEqualTo(2);
        assertThat(router.count("mediahooks.router.events.routed")).isEqualTo(1);
    }

    @Test
    void sameEventIdAfterTheWindowIsRoutedAgain() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.clock.advance(Duration.ofHours(24).plusSeconds(1));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).hasSize(4);
        assertThat(router.count("mediahooks.router.events.deduplicated")).isZero();
    }

    @Test
    void windowCountsFromTheFirstSightingNotTheLast() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.clock.advance(Duration.ofHours(20));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.clock.advance(Duration.ofHours(5));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).hasSize(4);
    }

    @Test
    void sameEventIdInAnotherOrganizationIsADifferentEvent() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.publish(event("org_7", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.subscriptionId().value())
                .containsExactly("wh_1", "wh_2", "wh_7");
    }

    @Test
    void duplicateStaysDroppedEvenIfItsFirstCopyWasNotRouted() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_DELETED));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).isEmpty();
        assertThat(router.count("mediahooks.router.events.deduplicated")).isEqualTo(1);
    }

    @Test
    void invalidCopyDoesNotCountAsASighting() {
        router.publishRaw(null, "{\"event_id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders());
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).hasSize(2);
    }
}
