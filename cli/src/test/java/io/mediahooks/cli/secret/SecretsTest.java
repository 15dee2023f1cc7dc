package io.mediahooks.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.cli.CliException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final OrganizationId ORG = new OrganizationId("org_42");
    private static final SecureRandom RANDOM = new SecureRandom();

    private static WebhookSecret secret(String id, Optional<Instant> expiresAt) {
        return new WebhookSecret(new SecretId(id), Secrets.generate(RANDOM), expiresAt);
    }

    @Test
    void generatedSecretsAreWhsecWith32RandomBytes() {
        String first = Secrets.generate(RANDOM);

        assertThat(first).startsWith("whsec_");
        assertThat(WebhookSecret.decodeKey(first)).hasSize(32);
        assertThat(Secrets.generate(RANDOM)).isNotEqualTo(first);
    }

    @Test
    void invalidGivenSecretIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> Secrets.validate("whsec_dG9vc2hvcnQ=", "--value"))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--value: not a valid secret: must encode 24 to 64 bytes, not 8")
                .hasMessageNotContaining("dG9vc2hvcnQ");
        assertThatThrownBy(() -> Secrets.validate("sk_live_123", "--value")).hasMessageContaining("must start with whsec_");
    }

    @Test
    void nextIdFollowsTheHighestNumberedOne() {
        assertThat(Secrets.nextId(List.of())).isEqualTo(new SecretId("sec_1"));
        assertThat(Secrets.nextId(List.of(secret("sec_7", Optional.empty()), secret("sec_2", Optional.empty()))))
                .isEqualTo(new SecretId("sec_8"));
        assertThat(Secrets.nextId(List.of(secret("primary", Optional.empty())))).isEqualTo(new SecretId("sec_2"));
    }

    @Test
    void rotationPutsTheNewSecretFirstAndKeepsTheOldOnesUntilTheOverlapEnds() {
        WebhookSecret current = secret("sec_1", Optional.empty());
        WebhookSecret fresh = secret("sec_2", Optional.empty());

        OrganizationSecrets rotated = Secrets.rotate(new OrganizationSecrets(ORG, List.of(current)), fresh, NOW, Duration.ofHours(24));

        assertThat(rotated.secrets()).containsExactly(fresh,
                new WebhookSecret(current.id(), current.value(), Optional.of(NOW.plus(Duration.ofHours(24)))));
    }

    @Test
    void rotationNeverExtendsAnExpiryAndDropsExpiredSecrets() {
        WebhookSecret primary = secret("sec_3", Optional.empty());
        WebhookSecret expiringSoon = secret("sec_2", Optional.of(NOW.plus(Duration.ofHours(1))));
        WebhookSecret expired = secret("sec_1", Optional.of(NOW.minusSeconds(1)));
        WebhookSecret fresh = secret("sec_4", Optional.empty());

        OrganizationSecrets rotated = Secrets.rotate(new OrganizationSecrets(ORG, List.of(primary, expiringSoon, expired)), fresh,
                NOW, Duration.ofHours(24));

        assertThat(rotated.secrets()).extracting(secret -> secret.id().value()).containsExactly("sec_4", "sec_3", "sec_2");
        assertThat(rotated.secrets().get(2).expiresAt()).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void rotatingToACurrentSecretIsRefused() {
        WebhookSecret current = secret("sec_1", Optional.empty());
        WebhookSecret same = new WebhookSecret(new SecretId("sec_2"), current.value(), Optional.empty());

        assertThatThrownBy(() -> Secrets.rotate(new OrganizationSecrets(ORG, List.of(current)), same, NOW, Duration.ofHours(1)))
                .hasMessageContaining("already one of org_42's secrets (sec_1)");
    }
}
