package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Secrets records sealed at rest: what is written, what opens, and what is refused. */
class SealedSecretsCodecTest {

    private static final String PRIMARY = OrganizationSecretsCodecTest.PRIMARY;
    private static final String OLD = OrganizationSecretsCodecTest.OLD;
    private static final String K1 = "k1:" + SecretsKeyRing.generateKey();
    private static final String K2 = "k2:" + SecretsKeyRing.generateKey();
    private static final OrganizationSecretsCodec UNDER_K1 = codec(K1);
    private static final OrganizationSecretsCodec UNDER_K2_AND_K1 = codec(K2 + "," + K1);
    private static final OrganizationSecrets SECRETS = new OrganizationSecrets(new OrganizationId("org_42"), List.of(
            new WebhookSecret(new SecretId("sec_2"), PRIMARY, Optional.empty()),
            new WebhookSecret(new SecretId("sec_1"), OLD, Optional.of(Instant.parse("2026-11-27T12:00:00Z")))));

    private static OrganizationSecretsCodec codec(String ring) {
        return new OrganizationSecretsCodec(SecretsAtRest.encrypted(SecretsKeyRing.parse(ring)));
    }

    @Test
    void roundTripsWithEachSecretSealedUnderThePrimaryKey() {
        byte[] bytes = UNDER_K2_AND_K1.encode(SECRETS);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertThat(json).doesNotContain(PRIMARY.substring(6)).doesNotContain(OLD.substring(6)).doesNotContain("\"value\"")
                .contains("\"key_id\":\"k2\"", "\"ciphertext\"", "\"expires_at\":\"2026-11-27T12:00:00Z\"");
        assertThat(UNDER_K2_AND_K1.decode(bytes)).isEqualTo(SECRETS);
        assertThat(OrganizationSecretsCodec.keyIdsOf(bytes)).containsExactly("k2");
    }

    @Test
    void recordsUnderAnOlderKeyStayReadableAfterTheRingRotates() {
        byte[] underK1 = UNDER_K1.encode(SECRETS);
        assertThat(UNDER_K2_AND_K1.decode(underK1)).isEqualTo(SECRETS);
        assertThat(OrganizationSecretsCodec.keyIdsOf(underK1)).containsExactly("k1");
    }

    @Test
    void aKeyNoLongerInTheRingIsAnInvalidRecordNamingTheKeyAndTheSetting() {
        byte[] underK1 = UNDER_K1.encode(SECRETS);
        assertThatThrownBy(() -> codec(K2).decode(underK1))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("secrets[0].ciphertext")
                .hasMessageContaining("key k1, which is not in the key ring")
                .hasMessageContaining("MEDIAHOOKS_SECRETS_KEYS");
    }

    @Test
    void aWrongKeyWithTheRightIdDoesNotOpen() {
        byte[] underK1 = UNDER_K1.encode(SECRETS);
        assertThatThrownBy(() -> codec("k1:" + SecretsKeyRing.generateKey()).decode(underK1))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("does not open with key k1");
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        ObjectNode record = Json.parseObject(UNDER_K1.encode(SECRETS));
        ObjectNode first = (ObjectNode) record.get("secrets").get(0);
        char[] ciphertext = first.get("ciphertext").textValue().toCharArray();
        ciphertext[20] = ciphertext[20] == 'A' ? 'B' : 'A';
        first.put("ciphertext", new String(ciphertext));
        assertThatThrownBy(() -> UNDER_K1.decode(Json.write(record)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("secrets[0].ciphertext");
    }

    @Test
    void aCiphertextMovedToAnotherOrganizationDoesNotOpen() {
        ObjectNode record = Json.parseObject(UNDER_K1.encode(SECRETS));
        record.put("organization_id", "org_7");
        assertThatThrownBy(() -> UNDER_K1.decode(Json.write(record)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("does not open with key k1");
    }

    @Test
    void aCiphertextMovedToAnotherSecretIdDoesNotOpen() {
        ObjectNode record = Json.parseObject(UNDER_K1.encode(SECRETS));
        ObjectNode first = (ObjectNode) record.get("secrets").get(0);
        ObjectNode second = (ObjectNode) record.get("secrets").get(1);
        String ciphertext = first.get("ciphertext").textValue();
        first.put("ciphertext", second.get("ciphertext").textValue());
        second.put("ciphertext", ciphertext);
        assertThatThrownBy(() -> UNDER_K1.decode(Json.write(record)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("secrets[0].ciphertext");
    }

    @Test
    void plainTextIsRefusedWithoutTheDevelopmentSwitch() {
        byte[] plain = """
                {"organization_id":"org_42","secrets":[{"id":"sec_1","value":"%s"}]}""".formatted(PRIMARY)
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UNDER_K1.decode(plain))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("secrets[0].value")
                .hasMessageContaining("MEDIAHOOKS_ALLOW_PLAINTEXT_SECRETS=true")
                .hasMessageNotContaining(PRIMARY.substring(6));
        assertThat(OrganizationSecretsCodec.keyIdsOf(plain)).containsExactly(OrganizationSecretsCodec.PLAINTEXT);
        OrganizationSecretsCodec switchedOn = new OrganizationSecretsCodec(
                SecretsAtRest.encrypted(SecretsKeyRing.parse(K1)).readingPlaintext());
        assertThat(switchedOn.decode(plain).secrets().get(0).value()).isEqualTo(PRIMARY);
    }

    @Test
    void underTheSwitchWithAKeyRingNewRecordsAreStillSealed() {
        OrganizationSecretsCodec codec = new OrganizationSecretsCodec(SecretsAtRest.allowingPlaintext(Optional.of(SecretsKeyRing.parse(K1))));
        assertThat(OrganizationSecretsCodec.keyIdsOf(codec.encode(SECRETS))).isEqualTo(Set.of("k1"));
    }

    @Test
    void aSealedRecordWithoutAKeyRingIsInvalid() {
        byte[] underK1 = UNDER_K1.encode(SECRETS);
        assertThatThrownBy(() -> new OrganizationSecretsCodec(SecretsAtRest.allowingPlaintext(Optional.empty())).decode(underK1))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("no key ring is configured");
    }

    @Test
    void aSecretWithBothAPlainValueAndACiphertextIsInvalid() {
        byte[] both = """
                {"organization_id":"org_42","secrets":[{"id":"sec_1","value":"%s","key_id":"k1","ciphertext":"AAAA"}]}"""
                .formatted(PRIMARY).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UNDER_K1.decode(both))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("secrets[0]: holds both");
    }
}
