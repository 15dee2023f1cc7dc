package io.mediahooks.model.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    // The published Standard Webhooks vector (libraries/*/ tests of the standard-webhooks repository).
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330L;
    private static final byte[] VECTOR_PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final byte[] BODY = ("{\"event_type\":\"VIDEO_READY\",\"event_id\":\"evt_7b1c0e\",\"created_at\":\"2026-11-26T12:00:00Z\","
            + "\"payload\":{\"id\":\"vid_9\",\"name\":\"Final\",\"tags\":[\"sports\",\"highlights\"]}}").getBytes(StandardCharsets.UTF_8);

    private static WebhookSecret secret(String id, String value) {
        return new WebhookSecret(new SecretId(id), value, Optional.empty());
    }

    @Test
    void standardSignatureMatchesPublishedVector() {
        String header = WebhookSigner.standardSignature(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_PAYLOAD,
                List.of(secret("sec_1", VECTOR_SECRET)));
        assertThat(header).isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void hexSignatureMatchesPythonHmac() {
        // python3: hmac.new(b"whsec_MfKQ...", body, hashlib.sha256).hexdigest()
        assertThat(WebhookSigner.hexSignature(VECTOR_SECRET, BODY))
                .isEqualTo("1211d99ae2e5e815449e89c075550271b5734338e031b3eeb1eba9003d77731a");
        assertThat(WebhookSigner.hexSignature(VECTOR_SECRET, "{\"payload\":{\"name\":\"Finäl ✓\"}}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("179d4cd75687af248c35468261e31ee7beb6e23dfdbecc8469542444ef4fdb80");
    }

    @Test
    void standardSignatureListsEveryLiveSecretInOrder() {
        // Both values computed with python3's hmac over "msg_abc.1764158400.<body>".
        String header = WebhookSigner.standardSignature("msg_abc", 1764158400L, BODY, List.of(
                secret("sec_2", VECTOR_SECRET),
                secret("sec_1", "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")));
        assertThat(header).isEqualTo("v1,JZqLEZw+ifyLMorNfp+u5YUPxjzk+BRLCSoDrjQRe5k= v1,BoNeWChmAukAsmUbRADRLFB/WJ8lVHwa61q37Wyxo6g=");
    }

    @Test
    void signingWithoutSecretsIsRefused() {
        assertThatThrownBy(() -> WebhookSigner.standardSignature("msg_1", 1, BODY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifierAcceptsWhatSignerProducesWithinTolerance() {
        SignatureVerifier verifier = new SignatureVerifier(Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP + 60), ZoneOffset.UTC),
                SignatureVerifier.DEFAULT_TOLERANCE);
        assertThat(verifier.verifyStandard(VECTOR_SECRET, VECTOR_ID, Long.toString(VECTOR_TIMESTAMP), VECTOR_PAYLOAD,
                "v2,abc " + VECTOR_SIGNATURE)).isTrue();
        assertThat(verifier.verifyHex(VECTOR_SECRET, BODY, "1211D99AE2E5E815449E89C075550271B5734338E031B3EEB1EBA9003D77731A")).isTrue();
    }

    @Test
    void verifierRejectsTamperedBodyWrongSecretAndStaleTimestamp() {
        Clock now = Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP), ZoneOffset.UTC);
        SignatureVerifier verifier = new SignatureVerifier(now, SignatureVerifier.DEFAULT_TOLERANCE);
        String ts = Long.toString(VECTOR_TIMESTAMP);
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verifyStandard(VECTOR_SECRET, VECTOR_ID, ts, tampered, VECTOR_SIGNATURE)).isFalse();
        assertThat(verifier.verifyStandard("whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", VECTOR_ID, ts, VECTOR_PAYLOAD,
                VECTOR_SIGNATURE)).isFalse();
        assertThat(verifier.verifyStandard(VECTOR_SECRET, "msg_other", ts, VECTOR_PAYLOAD, VECTOR_SIGNATURE)).isFalse();

        SignatureVerifier later = new SignatureVerifier(Clock.fixed(Instant.ofEpochSecond(VECTOR_TIMESTAMP + 301), ZoneOffset.UTC),
                SignatureVerifier.DEFAULT_TOLERANCE);
        assertThat(later.verifyStandard(VECTOR_SECRET, VECTOR_ID, ts, VECTOR_PAYLOAD, VECTOR_SIGNATURE)).isFalse();
        assertThat(verifier.verifyHex(VECTOR_SECRET, tampered, WebhookSigner.hexSignature(VECTOR_SECRET, VECTOR_PAYLOAD))).isFalse();
        assertThat(verifier.verifyHex(VECTOR_SECRET, BODY, null)).isFalse();
    }
}
