package io.mediahooks.worker.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.signing.SignatureVerifier;
import io.mediahooks.worker.testing.Fixtures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final URI URL = URI.create("https://hooks.example.com/flow");

    private final String primary = Fixtures.newSecretValue();
    private final String rotating = Fixtures.newSecretValue();
    private final OrganizationSecrets secrets = Fixtures.secrets("org_42", primary, rotating);
    private final Delivery delivery = Fixtures.delivery("wh_1", "org_42", "evt_7b1c0e", URL.toString(), NOW);
    private final RequestSigner signer = new RequestSigner("X-FP-Webhook-Signature-Hmac-Sha-256", "mediahooks/test");

    @Test
    void carriesEveryHeaderOfTheSpec() {
        WebhookRequest request = signer.sign(delivery, URL, secrets.liveAt(NOW), NOW);

        assertThat(request.url()).isEqualTo(URL);
        assertThat(request.body()).isEqualTo(delivery.body().getBytes(StandardCharsets.UTF_8));
        assertThat(request.headers())
                .containsEntry("Content-Type", "application/json")
                .containsEntry("User-Agent", "mediahooks/test")
                .containsEntry("webhook-id", delivery.deliveryId().value())
                .containsEntry("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                .containsKeys("webhook-signature", "X-FP-Webhook-Signature-Hmac-Sha-256");
    }

    @Test
    void hexSignatureIsPlainHmacOfTheBodyKeyedWithThePrimarySecretString() throws Exception {
        WebhookRequest request = signer.sign(delivery, URL, secrets.liveAt(NOW), NOW);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(primary.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(request.body()));
        assertThat(request.headers().get("X-FP-Webhook-Signature-Hmac-Sha-256")).isEqualTo(expected);
    }

    @Test
    void standardSignatureVerifiesUnderEveryLiveSecret() {
        WebhookRequest request = signer.sign(delivery, URL, secrets.liveAt(NOW), NOW);
        SignatureVerifier verifier = new SignatureVerifier(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));

        String header = request.headers().get("webhook-signature");
        assertThat(header.split(" ")).hasSize(2).allSatisfy(entry -> assertThat(entry).startsWith("v1,"));
        for (String secret : new String[] {primary, rotating}) {
            assertThat(verifier.verifyStandard(secret, request.headers().get("webhook-id"),
                    request.headers().get("webhook-timestamp"), request.body(), header)).isTrue();
        }
        assertThat(verifier.verifyStandard(Fixtures.newSecretValue(), request.headers().get("webhook-id"),
                request.headers().get("webhook-timestamp"), request.body(), header)).isFalse();
    }

    @Test
    void eachAttemptHasAFreshTimestampButTheSameIdAndBody() {
        WebhookRequest first = signer.sign(delivery, URL, secrets.liveAt(NOW), NOW);
        WebhookRequest second = signer.sign(delivery, URL, secrets.liveAt(NOW), NOW.plusSeconds(5));

        assertThat(second.headers().get("webhook-id")).isEqualTo(first.headers().get("webhook-id"));
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().get("webhook-timestamp")).isNotEqualTo(first.headers().get("webhook-timestamp"));
        assertThat(second.headers().get("webhook-signature")).isNotEqualTo(first.headers().get("webhook-signature"));
    }
}
