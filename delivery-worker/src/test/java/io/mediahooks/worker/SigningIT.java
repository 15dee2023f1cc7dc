package io.mediahooks.worker;

import static io.mediahooks.worker.RetryIT.outcomes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediahooksVersion;
import io.mediahooks.model.signing.SignatureVerifier;
import io.mediahooks.worker.testing.Closer;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.mediahooks.worker.testing.WorkerHarness;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a customer's receiver sees verifies with code that is not ours: both signatures, every live secret. */
@WithKafka
class SigningIT {

    private static final String HEX_HEADER = "X-FP-Webhook-Signature-Hmac-Sha-256";

    @RegisterExtension
    final Closer closer = new Closer();

    private WorkerHarness harness;
    private Receiver receiver;

    @Test
    void signaturesVerify(KafkaTestBroker broker) throws GeneralSecurityException {
        String primary = Fixtures.newSecretValue();
        String previous = Fixtures.newSecretValue();
        receiver = closer.add(Receiver.https(WorkerHarness.certificate().serverContext(), (request, attempt) -> Reply.status(200)));
        harness = closer.add(WorkerHarness.create(broker, Map.of()));
        harness.putSecrets(Fixtures.secrets("org_42", primary, previous));
        harness.putSubscription(Fixtures.subscription("wh_signed", "org_42", receiver.url("/hook")));
        Delivery delivery = Fixtures.delivery("wh_signed", "org_42", "evt_7b1c0e", receiver.url("/hook"), Instant.now());
        harness.route(delivery);
        harness.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> outcomes(harness.attempts()).equals(List.of(AttemptOutcome.DELIVERED)));
        Receiver.Received request = receiver.requests().get(0);

        assertThat(request.body()).isEqualTo(delivery.body().getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("user-agent")).isEqualTo(MediahooksVersion.userAgent());
        assertThat(request.header("webhook-id")).isEqualTo(delivery.deliveryId().value());
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isCloseTo(Instant.now().getEpochSecond(), Offset.offset(30L));

        // python: hmac.new(secret.encode(), body, sha256).hexdigest()
        assertThat(request.header(HEX_HEADER)).isEqualTo(plainHexHmac(primary, request.body()));
        // Standard Webhooks, recomputed here from the spec: base64 HMAC of "id.timestamp.body" under the decoded key.
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "."
                + new String(request.body(), StandardCharsets.UTF_8);
        assertThat(request.header("webhook-signature").split(" "))
                .containsExactly("v1," + standardHmac(primary, signed), "v1," + standardHmac(previous, signed));

        SignatureVerifier verifier = SignatureVerifier.withDefaults();
        assertThat(verifier.verifyHex(primary, request.body(), request.header(HEX_HEADER))).isTrue();
        for (String secret : List.of(primary, previous)) {
            assertThat(verifier.verifyStandard(secret, request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.body(), request.header("webhook-signature"))).as("verifies under every live secret").isTrue();
        }
    }

    private static String plainHexHmac(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static String standardHmac(String secret, String signed) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
