package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An organization without a live secret gets nothing routed, counted by reason. */
class SecretsRulesTest {

    private RouterDriver router;

    @BeforeEach
    void start() {
        router = new RouterDriver();
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void organizationWithoutSecretGetsNothing() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).isEmpty();
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_secret")).isEqualTo(1);
    }

    @Test
    void secretsAddedLaterApplyToLaterEvents() {
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.put(secrets("org_42"));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_2");
    }

    @Test
    void removedSecretsStopRouting() {
        router.put(secrets("org_42"));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.deleteSecrets(Fixtures.org("org_42"));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_1");
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_secret")).isEqualTo(1);
    }

    @Test
    void expiredSecretsStopRoutingAtRoutingTime() {
        Instant expiry = RouterDriver.START.plus(Duration.ofHours(1));
        router.put(Fixtures.expiringSecrets("org_42", expiry));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        router.clock.advance(Duration.ofHours(1));
        router.publish(event("org_42", "evt_2", EventType.VIDEO_READY));

        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_1");
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "secret_expired")).isEqualTo(1);
    }

    @Test
    void oneLiveSecretDuringRotationIsEnough() {
        router.put(new OrganizationSecrets(Fixtures.org("org_42"), List.of(
                new WebhookSecret(new SecretId("sec_old"), Fixtures.secretValue("old"), Optional.of(RouterDriver.START.minusSeconds(1))),
                new WebhookSecret(new SecretId("sec_new"), Fixtures.secretValue("new"), Optional.empty()))));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).hasSize(1);
    }

    @Test
    void noSecretIsNotCountedWhenNoWebhookWantedTheEvent() {
        router.publish(event("org_42", "evt_1", EventType.PLAYLIST_CREATED));

        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_match")).isEqualTo(1);
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_secret")).isZero();
    }

    @Test
    void invalidSecretsKeepThePreviousVersionInForce() {
        router.put(secrets("org_42"));
        String shortKey = "{\"organization_id\":\"org_42\",\"secrets\":[{\"id\":\"sec_1\",\"value\":\"whsec_c2hvcnQ=\"}]}";
        router.putSecretsRaw("org_42", shortKey.getBytes(StandardCharsets.UTF_8));
        router.putSecretsRaw("org_42", "{\"organization_id\":\"org_42\",\"secrets\":[]}".getBytes(StandardCharsets.UTF_8));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).hasSize(1);
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "secrets")).isEqualTo(2);
    }

    @Test
    void secretsFiledUnderAnotherOrganizationAreRejected() {
        router.putSecretsRaw("org_42", Fixtures.sealed(secrets("org_7")));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).isEmpty();
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "secrets")).isEqualTo(1);
        assertThat(router.count("mediahooks.router.events.skipped", "reason", "no_secret")).isEqualTo(1);
    }

    @Test
    void theStoreKeepsTheRecordAsSealedOnTheTopic() {
        OrganizationSecrets secrets = secrets("org_42");
        byte[] sealed = Fixtures.sealed(secrets);
        router.putSecretsRaw("org_42", sealed);

        byte[] stored = router.secretsStore().get("org_42");
        assertThat(stored).isEqualTo(sealed);
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain(secrets.secrets().get(0).value().substring(6));
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));
        assertThat(router.deliveries()).hasSize(1);
    }

    @Test
    void secretsThatDoNotOpenAreInvalidAndThePreviousVersionStays() {
        router.put(secrets("org_42"));
        OrganizationSecrets replacement = new OrganizationSecrets(Fixtures.org("org_42"),
                List.of(new WebhookSecret(new SecretId("sec_2"), Fixtures.secretValue("other"), Optional.empty())));
        SecretsAtRest otherKey = SecretsAtRest.encrypted(SecretsKeyRing.parse(TestSecretsKeys.K2));
        router.putSecretsRaw("org_42", new OrganizationSecretsCodec(otherKey).encode(replacement));
        String altered = new String(Fixtures.sealed(replacement), StandardCharsets.UTF_8).replace("\"sec_2\"", "\"sec_3\"");
        router.putSecretsRaw("org_42", altered.getBytes(StandardCharsets.UTF_8));
        String plain = "{\"organization_id\":\"org_42\",\"secrets\":[{\"id\":\"sec_2\",\"value\":\""
                + Fixtures.secretValue("other") + "\"}]}";
        router.putSecretsRaw("org_42", plain.getBytes(StandardCharsets.UTF_8));

        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.deliveries()).hasSize(1);
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "secrets")).isEqualTo(3);
        assertThat(router.secretsStore().get("org_42")).isNotNull();
        assertThat(new OrganizationSecretsCodec(Fixtures.TEST_KEYS).decode(router.secretsStore().get("org_42")))
                .isEqualTo(secrets("org_42"));
    }
}
