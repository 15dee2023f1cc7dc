package io.mediahooks.cli.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.secret.Secrets;
import io.mediahooks.model.signing.SignatureVerifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00.035Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final String secret = Secrets.generate(new SecureRandom());
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final SignedRequests requests = new SignedRequests();
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void verifiesBothSignaturesAndCountsAttemptsPerWebhookId() throws Exception {
        start(Answers.healthy(), List.of(secret));

        assertThat(requests.post(receiver.url("/hooks/wh_demo"), "msg_1", secret, NOW)).isEqualTo(200);
        assertThat(requests.post(receiver.url("/hooks/wh_demo"), "msg_1", secret, NOW)).isEqualTo(200);

        assertThat(received).extracting(ReceivedRequest::line).containsExactly(
                "verified 200 VIDEO_READY evt_1 webhook-id msg_1 attempt 1 latency 35 ms /hooks/wh_demo",
                "verified 200 VIDEO_READY evt_1 webhook-id msg_1 attempt 2 latency 35 ms /hooks/wh_demo");
        assertThat(receiver.verified()).isEqualTo(2);
    }

    @Test
    void wrongSecretIsRejectedWith401() throws Exception {
        start(Answers.healthy(), List.of(secret));

        assertThat(requests.post(receiver.url("/"), "msg_3", Secrets.generate(new SecureRandom()), NOW)).isEqualTo(401);

        assertThat(received).extracting(ReceivedRequest::line).containsExactly("REJECTED 401 VIDEO_READY evt_1 webhook-id msg_3"
                + " attempt 1 latency 35 ms / (bad signature: " + SignatureCheck.DEFAULT_HEX_HEADER + " and webhook-signature)");
        assertThat(receiver.rejected()).isEqualTo(1);
    }

    @Test
    void anyOfSeveralSecretsVerifies() throws Exception {
        String older = Secrets.generate(new SecureRandom());
        start(Answers.healthy(), List.of(secret, older));

        assertThat(requests.post(receiver.url("/"), "msg_4", older, NOW)).isEqualTo(200);
        assertThat(requests.post(receiver.url("/"), "msg_5", secret, NOW)).isEqualTo(200);
    }

    @Test
    void staleTimestampIsRejected() throws Exception {
        start(Answers.healthy(), List.of(secret));

        assertThat(requests.post(receiver.url("/"), "msg_6", secret, NOW.minus(Duration.ofMinutes(6)))).isEqualTo(401);
        assertThat(received.get(0).note()).isEqualTo("bad signature: webhook-signature");
    }

    @Test
    void failingPathsAnswerOnPurposeEvenWhenVerified() throws Exception {
        start(Answers.healthy(), List.of(secret));

        assertThat(requests.post(receiver.url("/fail/wh_failing"), "msg_2", secret, NOW)).isEqualTo(503);
        assertThat(requests.post(receiver.url("/gone"), "msg_7", secret, NOW)).isEqualTo(410);

        assertThat(received.get(0).line()).endsWith("/fail/wh_failing (answered 503 on purpose: the path starts with /fail)");
        assertThat(received.get(1).verified()).isTrue();
    }

    @Test
    void failRateOfOneFailsEveryVerifiedRequestWithTheChosenStatus() throws Exception {
        start(new Answers(1.0, 500, Duration.ZERO, new Random(1)), List.of(secret));

        assertThat(requests.post(receiver.url("/"), "msg_8", secret, NOW)).isEqualTo(500);
        assertThat(requests.post(receiver.url("/"), "msg_9", Secrets.generate(new SecureRandom()), NOW))
                .as("a bad signature is still 401").isEqualTo(401);
    }

    @Test
    void delayHoldsTheAnswerBack() throws Exception {
        start(new Answers(0, 503, Duration.ofMillis(300), new Random(1)), List.of(secret));

        long started = System.nanoTime();
        assertThat(requests.post(receiver.url("/"), "msg_10", secret, NOW)).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void healthAnswersGetAndOtherMethodsAreRefused() throws Exception {
        start(Answers.healthy(), List.of(secret));

        assertThat(requests.get(receiver.url("/health"))).isEqualTo(200);
        assertThat(requests.get(receiver.url("/hooks"))).isEqualTo(405);
        assertThat(received).isEmpty();
    }

    private void start(Answers answers, List<String> secrets) throws Exception {
        receiver = WebhookReceiver.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new SignatureCheck(new SignatureVerifier(clock, SignatureVerifier.DEFAULT_TOLERANCE), SignatureCheck.DEFAULT_HEX_HEADER),
                () -> secrets, answers, clock, received::add);
    }
}
