package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up check of the key ring against the records on the secrets topic. */
class SecretsKeyCheckTest {

    private static final String TOPIC = "webhook-secrets";
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final SecretsAtRest K1 = keys(TestSecretsKeys.K1);
    private static final SecretsAtRest K2_K1 = keys(TestSecretsKeys.K2 + "," + TestSecretsKeys.K1);

    private static SecretsAtRest keys(String ring) {
        return SecretsAtRest.encrypted(SecretsKeyRing.parse(ring));
    }

    private static byte[] record(String organization, SecretsAtRest atRest) {
        return new OrganizationSecretsCodec(atRest).encode(new OrganizationSecrets(new OrganizationId(organization),
                List.of(new WebhookSecret(new SecretId("sec_1"), SECRET, Optional.empty()))));
    }

    @Test
    void aRingThatOpensEveryRecordPasses() {
        SecretsKeyCheck.Findings findings = SecretsKeyCheck.check(Map.of("org_1", record("org_1", K1),
                "org_2", record("org_2", K2_K1)), K2_K1, TOPIC);
        assertThat(findings.recordsByKey()).containsEntry("test1", 1).containsEntry("test2", 1);
        assertThat(findings.unreadable()).isZero();
    }

    @Test
    void aKeyMissingFromTheRingStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> SecretsKeyCheck.check(Map.of("org_1", record("org_1", K1)), keys(TestSecretsKeys.K2), TOPIC))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("encrypted with key test1, which MEDIAHOOKS_SECRETS_KEYS does not hold");
    }

    @Test
    void aWrongKeyUnderTheRightIdStopsStartUp() {
        SecretsAtRest wrong = keys("test1:" + SecretsKeyRing.generateKey());
        assertThatThrownBy(() -> SecretsKeyCheck.check(Map.of("org_1", record("org_1", K1)), wrong, TOPIC))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key test1 of MEDIAHOOKS_SECRETS_KEYS opens none of the 1 record(s)");
    }

    @Test
    void plainTextRecordsStopStartUpUnlessTheSwitchIsOn() {
        byte[] plain = ("{\"organization_id\":\"org_1\",\"secrets\":[{\"id\":\"sec_1\",\"value\":\"" + SECRET + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SecretsKeyCheck.check(Map.of("org_1", plain), K1, TOPIC))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("plain-text secrets")
                .hasMessageContaining("MEDIAHOOKS_ALLOW_PLAINTEXT_SECRETS=true")
                .hasMessageNotContaining(SECRET);
        assertThat(SecretsKeyCheck.check(Map.of("org_1", plain), K1.readingPlaintext(), TOPIC).unreadable()).isZero();
    }

    @Test
    void oneAlteredRecordAmongGoodOnesIsLeftToTheRunTimeRules() {
        String altered = new String(record("org_2", K1), StandardCharsets.UTF_8).replace("\"org_2\"", "\"org_3\"");
        SecretsKeyCheck.Findings findings = SecretsKeyCheck.check(Map.of("org_1", record("org_1", K1),
                "org_3", altered.getBytes(StandardCharsets.UTF_8)), K1, TOPIC);
        assertThat(findings.unreadable()).isEqualTo(1);
    }
}
