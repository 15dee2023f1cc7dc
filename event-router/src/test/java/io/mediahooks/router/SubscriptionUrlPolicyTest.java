package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static io.mediahooks.router.Fixtures.withUrl;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventType;
import io.mediahooks.model.Subscription;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The router's view of webhook-subscriptions validates URLs with the one URL policy, as the API
 * does: a record whose URL the policy refuses is rejected like any invalid record (counted, not
 * applied, the previous version stays), and the settings that relax the policy relax it here too.
 */
class SubscriptionUrlPolicyTest {

    /** URLs that parse, so the codec takes them, but that production's policy refuses. */
    private static final List<String> REFUSED = List.of("http://hooks.example.com/plain", "https://10.0.0.1/",
            "https://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://2130706433/");
    private static final String INVALID = "mediahooks.router.invalid.records";

    private final Subscription webhook = webhook("wh_1", "org_42", EventType.VIDEO_READY);

    @Test
    void refusedUrlsAreNotAppliedAndThePreviousVersionStays() {
        try (RouterDriver router = new RouterDriver()) {
            router.put(secrets("org_42"));
            router.put(webhook);
            REFUSED.forEach(url -> router.put(withUrl(webhook, url)));

            router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

            assertThat(router.deliveryValues()).extracting(Delivery::url).containsExactly("https://hooks.example.com/wh_1");
            assertThat(router.webhooksOf("org_42")).containsExactly(webhook);
            assertThat(router.count(INVALID, "kind", "subscription")).isEqualTo(REFUSED.size());
        }
    }

    @Test
    void aTombstoneStillDeletesAfterRefusedVersions() {
        try (RouterDriver router = new RouterDriver()) {
            router.put(secrets("org_42"));
            router.put(webhook);
            router.put(withUrl(webhook, "https://169.254.169.254/"));
            router.delete(webhook.id());

            router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

            assertThat(router.deliveries()).isEmpty();
            assertThat(router.webhooksOf("org_42")).isEmpty();
        }
    }

    @Test
    void localDevelopmentSettingsLetTheSameUrlsThrough() {
        try (RouterDriver router = new RouterDriver(UrlPolicyConfig.localDevelopment())) {
            router.put(secrets("org_42"));
            router.put(webhook);
            for (int i = 0; i < REFUSED.size(); i++) {
                router.put(withUrl(webhook, REFUSED.get(i)));
                router.publish(event("org_42", "evt_" + i, EventType.VIDEO_READY));
            }

            assertThat(router.deliveryValues()).extracting(Delivery::url).containsExactlyElementsOf(REFUSED);
            assertThat(router.count(INVALID, "kind", "subscription")).isZero();
        }
    }

    @Test
    void anAllowedAddressPassesAndItsNeighbourDoesNot() {
        try (RouterDriver router = new RouterDriver(Map.of("MEDIAHOOKS_ALLOWED_ADDRESSES", "10.0.0.1/32"))) {
            router.put(secrets("org_42"));
            router.put(withUrl(webhook, "https://10.0.0.1/hook"));
            router.put(withUrl(webhook, "https://10.0.0.2/hook"));

            router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

            assertThat(router.deliveryValues()).extracting(Delivery::url).containsExactly("https://10.0.0.1/hook");
            assertThat(router.count(INVALID, "kind", "subscription")).isEqualTo(1);
        }
    }
}
