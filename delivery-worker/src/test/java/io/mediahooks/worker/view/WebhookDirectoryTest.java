package io.mediahooks.worker.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.worker.outcome.DropReason;
import io.mediahooks.worker.testing.Fixtures;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookDirectoryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final WebhookDirectory directory = new WebhookDirectory();
    private final Delivery delivery = Fixtures.delivery("wh_1", "org_42", "evt_1", "https://old.example.com/hook", NOW);
    private final String secret = Fixtures.newSecretValue();

    @Test
    void sendsToTheWebhooksCurrentUrl() {
        directory.putSubscription(Fixtures.subscription("wh_1", "org_42", "https://new.example.com/hook"));
        directory.putSecrets(Fixtures.secrets("org_42", secret));

        assertThat(directory.resolve(delivery, NOW)).isInstanceOfSatisfying(Resolution.Send.class, send -> {
            assertThat(send.url()).isEqualTo(URI.create("https://new.example.com/hook"));
            assertThat(send.liveSecrets()).extracting(WebhookSecret::value).containsExactly(secret);
        });
    }

    @Test
    void dropsForADeletedWebhook() {
        directory.putSecrets(Fixtures.secrets("org_42", secret));
        directory.putSubscription(Fixtures.subscription("wh_1", "org_42", "https://new.example.com/hook"));
        directory.removeSubscription(new SubscriptionId("wh_1"));

        assertThat(directory.resolve(delivery, NOW))
                .isEqualTo(new Resolution.Drop(DropReason.WEBHOOK_DELETED, "https://old.example.com/hook"));
    }

    @Test
    void dropsForADisabledWebhook() {
        directory.putSecrets(Fixtures.secrets("org_42", secret));
        directory.putSubscription(Fixtures.subscription("wh_1", "org_42", "https://new.example.com/hook", false));

        assertThat(directory.resolve(delivery, NOW))
                .isEqualTo(new Resolution.Drop(DropReason.WEBHOOK_DISABLED, "https://new.example.com/hook"));
    }

    @Test
    void dropsWhenTheOrganizationHasNoLiveSecret() {
        directory.putSubscription(Fixtures.subscription("wh_1", "org_42", "https://new.example.com/hook"));
        assertThat(directory.resolve(delivery, NOW)).isInstanceOfSatisfying(Resolution.Drop.class,
                drop -> assertThat(drop.reason()).isEqualTo(DropReason.NO_LIVE_SECRET));

        directory.putSecrets(new OrganizationSecrets(new OrganizationId("org_42"),
                List.of(new WebhookSecret(new SecretId("sec_1"), secret, Optional.of(NOW.minusSeconds(1))))));
        assertThat(directory.resolve(delivery, NOW)).isInstanceOfSatisfying(Resolution.Drop.class,
                drop -> assertThat(drop.reason()).isEqualTo(DropReason.NO_LIVE_SECRET));

        directory.putSecrets(Fixtures.secrets("org_42", secret));
        directory.removeSecrets(new OrganizationId("org_42"));
        assertThat(directory.resolve(delivery, NOW)).isInstanceOf(Resolution.Drop.class);
    }

    @Test
    void neverSendsAnEventToAWebhookNowOwnedByAnotherOrganization() {
        directory.putSecrets(Fixtures.secrets("org_42", secret));
        directory.putSecrets(Fixtures.secrets("org_7", Fixtures.newSecretValue()));
        directory.putSubscription(Fixtures.subscription("wh_1", "org_7", "https://evil.example.com/hook"));

        assertThat(directory.resolve(delivery, NOW)).isInstanceOfSatisfying(Resolution.Drop.class,
                drop -> assertThat(drop.reason()).isEqualTo(DropReason.ORGANIZATION_CHANGED));
    }
}
