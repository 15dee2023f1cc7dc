package io.mediahooks.router.routing;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.router.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventRouterTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final MediaEvent READY = event("org_42", "evt_1", EventType.VIDEO_READY);
    private static final Optional<OrganizationSecrets> SECRETS = Optional.of(secrets("org_42"));

    @Test
    void routesToMatchingWebhooksInTheirOrderWithOneSharedBody() {
        List<Subscription> webhooks = List.of(
                webhook("wh_a", "org_42", EventType.VIDEO_READY),
                webhook("wh_b", "org_42", EventType.VIDEO_READY),
                webhook("wh_c", "org_42", EventType.VIDEO_DELETED));

        Routing routing = EventRouter.route(READY, webhooks, SECRETS, NOW);

        assertThat(routing).isInstanceOfSatisfying(Routing.Routed.class, routed -> {
            assertThat(routed.deliveries()).extracting(delivery -> delivery.subscriptionId().value()).containsExactly("wh_a", "wh_b");
            assertThat(routed.deliveries()).extracting(Delivery::body).containsOnly(routed.deliveries().get(0).body());
            assertThat(routed.deliveries()).extracting(Delivery::routedAt).containsOnly(NOW);
        });
    }

    @Test
    void noWebhooksComesFirst() {
        assertThat(EventRouter.route(READY, List.of(), Optional.empty(), NOW))
                .isEqualTo(new Routing.Skipped(SkipReason.NO_WEBHOOKS));
    }

    @Test
    void noMatchIsJudgedBeforeSecrets() {
        List<Subscription> webhooks = List.of(webhook("wh_1", "org_42", EventType.VIDEO_DELETED));

        assertThat(EventRouter.route(READY, webhooks, Optional.empty(), NOW)).isEqualTo(new Routing.Skipped(SkipReason.NO_MATCH));
    }

    @Test
    void disabledWhenOnlyDisabledWebhooksWouldHaveMatched() {
        List<Subscription> webhooks = List.of(
                Fixtures.disabled(webhook("wh_1", "org_42", EventType.VIDEO_READY)),
                webhook("wh_2", "org_42", EventType.VIDEO_DELETED));

        assertThat(EventRouter.route(READY, webhooks, SECRETS, NOW)).isEqualTo(new Routing.Skipped(SkipReason.DISABLED));
    }

    @Test
    void noSecretAndExpiredSecretAreToldApart() {
        List<Subscription> webhooks = List.of(webhook("wh_1", "org_42", EventType.VIDEO_READY));

        assertThat(EventRouter.route(READY, webhooks, Optional.empty(), NOW)).isEqualTo(new Routing.Skipped(SkipReason.NO_SECRET));
        assertThat(EventRouter.route(READY, webhooks, Optional.of(Fixtures.expiringSecrets("org_42", NOW)), NOW))
                .isEqualTo(new Routing.Skipped(SkipReason.SECRET_EXPIRED));
        assertThat(EventRouter.route(READY, webhooks, Optional.of(Fixtures.expiringSecrets("org_42", NOW.plusMillis(1))), NOW))
                .isInstanceOf(Routing.Routed.class);
    }
}
