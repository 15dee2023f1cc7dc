package io.mediahooks.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.secret.Secrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.signing.SignatureVerifier;
import io.mediahooks.model.signing.WebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SampleReceiverTest {

    private static final String BODY = "{\"event_type\":\"VIDEO_READY\",\"event_id\":\"evt_1\",\"created_at\":\"2026-11-26T12:00:00Z\","
            + "\"payload\":{}}";
    private final String secret = Secrets.generate(new SecureRandom());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private SampleReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = SampleReceiver.start(SignatureVerifier.withDefaults(), () -> List.of(secret), SampleReceiver.DEFAULT_HEX_HEADER,
                lines::add);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void verifiesBothSignaturesAndCountsAttemptsPerWebhookId() throws Exception {
        assertThat(post(receiver.urlFor("wh_demo", false), "msg_1", secret)).isEqualTo(200);
        assertThat(post(receiver.urlFor("wh_demo", false), "msg_1", secret)).isEqualTo(200);

        assertThat(lines).containsExactly("verified VIDEO_READY evt_1 -> wh_demo (attempt 1)",
                "verified VIDEO_READY evt_1 -> wh_demo (attempt 2)");
        assertThat(receiver.verified()).isEqualTo(2);
    }

    @Test
    void failingPathAnswers503EvenWhenVerified() throws Exception {
        assertThat(post(receiver.urlFor("wh_failing", true), "msg_2", secret)).isEqualTo(503);

        assertThat(lines).containsExactly("verified VIDEO_READY evt_1 -> wh_failing (attempt 1), answered 503 on purpose");
    }

    @Test
    void wrongSecretIsRejectedWith401() throws Exception {
        String other = Secrets.generate(new SecureRandom());

        assertThat(post(receiver.urlFor("wh_demo", false), "msg_3", other)).isEqualTo(401);

        assertThat(lines).containsExactly("REJECTED VIDEO_READY evt_1 -> wh_demo (attempt 1) (bad signature: "
                + SampleReceiver.DEFAULT_HEX_HEADER + " and webhook-signature)");
        assertThat(receiver.rejected()).isEqualTo(1);
    }

    @Test
    void verifiedRequestsAreReportedWithTheirWebhookAndEventButRejectedOnesAreNot() throws Exception {
        List<String> reported = new CopyOnWriteArrayList<>();
        receiver.onVerified((webhook, eventId) -> reported.add(eventId + " -> " + webhook));

        post(receiver.urlFor("wh_failing", true), "msg_4", secret);
        post(receiver.urlFor("wh_demo", false), "msg_5", Secrets.generate(new SecureRandom()));

        assertThat(reported).containsExactly("evt_1 -> wh_failing");
    }

    private int post(URI url, String messageId, String signingSecret) throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header(SampleReceiver.DEFAULT_HEX_HEADER, WebhookSigner.hexSignature(signingSecret, body))
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.standardSignature(messageId, timestamp, body,
                        List.of(new WebhookSecret(new SecretId("sec_1"), signingSecret, Optional.empty()))))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
