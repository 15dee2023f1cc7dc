package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.crypto.SecretsAtRest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The record's shape, read in plain text under the development switch; sealing is {@link SealedSecretsCodecTest}. */
class OrganizationSecretsCodecTest {

    private static final OrganizationSecretsCodec PLAIN = new OrganizationSecretsCodec(SecretsAtRest.allowingPlaintext(Optional.empty()));

    static final String PRIMARY = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String OLD = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static OrganizationSecrets decode(String json) {
        return PLAIN.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rotationKeepsTheOldSecretLiveUntilItExpires() {
        OrganizationSecrets secrets = decode("""
                {"organization_id":"org_42","secrets":[{"id":"sec_2","value":"%s"},
                 {"id":"sec_1","value":"%s","expires_at":"2026-11-27T12:00:00Z"}]}""".formatted(PRIMARY, OLD));
        Instant before = Instant.parse("2026-11-27T11:59:59Z");
        Instant after = Instant.parse("2026-11-27T12:00:00Z");
        assertThat(secrets.primaryAt(before).orElseThrow().id().value()).isEqualTo("sec_2");
        assertThat(secrets.liveAt(before)).hasSize(2);
        assertThat(secrets.liveAt(after)).extracting(s -> s.id().value()).containsExactly("sec_2");
    }

    @Test
    void organizationWhoseSecretsAllExpiredHasNoLiveSecret() {
        OrganizationSecrets secrets = decode("""
                {"organization_id":"org_42","secrets":[{"id":"sec_1","value":"%s","expires_at":"2026-01-01T00:00:00Z"}]}"""
                .formatted(PRIMARY));
        assertThat(secrets.hasLiveSecretAt(Instant.parse("2026-11-27T00:00:00Z"))).isFalse();
        assertThat(secrets.hasLiveSecretAt(Instant.parse("2025-12-31T00:00:00Z"))).isTrue();
    }

    @Test
    void roundTripsThroughEncodeAndNeverPrintsTheSecret() {
        OrganizationSecrets secrets = decode("""
                {"organization_id":"org_42","secrets":[{"id":"sec_1","value":"%s","expires_at":"2026-11-27T12:00:00Z"}]}"""
                .formatted(PRIMARY));
        assertThat(PLAIN.decode(PLAIN.encode(secrets))).isEqualTo(secrets);
        assertThat(secrets.toString()).doesNotContain(PRIMARY.substring(6));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no prefix        | {"organization_id":"o","secrets":[{"id":"s","value":"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}]}   | secrets[0].value: must start with whsec_
            not base64       | {"organization_id":"o","secrets":[{"id":"s","value":"whsec_not*base64!"}]}                 | secrets[0].value: the part after whsec_ is not valid base64
            too short        | {"organization_id":"o","secrets":[{"id":"s","value":"whsec_AAECAwQF"}]}                    | secrets[0].value: must encode 24 to 64 bytes, not 6
            empty list       | {"organization_id":"o","secrets":[]}                                                       | secrets: must hold at least one secret
            duplicate id     | {"organization_id":"o","secrets":[{"id":"s","value":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"},{"id":"s","value":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}]} | secrets: secret id s appears twice
            bad expiry       | {"organization_id":"o","secrets":[{"id":"s","value":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw","expires_at":"soon"}]} | secrets[0].expires_at: expected an RFC 3339 timestamp
            missing org      | {"secrets":[{"id":"s","value":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}]}                   | organization_id: required field is missing
            missing value    | {"organization_id":"o","secrets":[{"id":"s"}]}                                             | secrets[0].key_id: required field is missing
            """)
    void invalidSecretsGetAnErrorNamingTheField(String kind, String json, String expected) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void aSyntaxErrorNeverQuotesTheSecret() {
        // A flipped bit turned the opening quote of the value into 'b': Jackson's own message would quote the token.
        String broken = "{\"organization_id\":\"o\",\"secrets\":[{\"id\":\"s\",\"value\":b" + PRIMARY + "\"}]}";
        assertThatThrownBy(() -> decode(broken)).isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("not valid JSON: syntax error at line 1, column")
                .hasMessageNotContaining(PRIMARY.substring(6, 20));
    }
}
