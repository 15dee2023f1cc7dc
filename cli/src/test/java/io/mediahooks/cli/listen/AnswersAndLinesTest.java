package io.mediahooks.cli.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnswersAndLinesTest {

    @Test
    void failRateFailsAboutThatShareOfRequests() {
        Answers answers = new Answers(0.25, 503, Duration.ZERO, new Random(7));

        long failed = java.util.stream.IntStream.range(0, 4000).filter(i -> answers.forVerified("/").status() == 503).count();

        assertThat(failed).isBetween(850L, 1150L);
    }

    @Test
    void outOfRangeOptionsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> new Answers(1.5, 503, Duration.ZERO, new Random())).hasMessageContaining("0 to 1");
        assertThatThrownBy(() -> new Answers(0.5, 200, Duration.ZERO, new Random())).hasMessageContaining("300 to 599");
    }

    @Test
    void lineNamesVerdictStatusEventWebhookIdAttemptLatencyAndPath() {
        byte[] body = SignedRequests.BODY.getBytes(StandardCharsets.UTF_8);
        ReceivedRequest request = ReceivedRequest.of("/hooks", "msg_1", 3, true, 200, null,
                Instant.parse("2026-11-26T12:00:42Z"), Map.of("Webhook-id", List.of("msg_1")), body);

        assertThat(request.line()).isEqualTo("verified 200 VIDEO_READY evt_1 webhook-id msg_1 attempt 3 latency 42 s /hooks");
        assertThat(request.details()).containsExactly("    Webhook-id: msg_1", "    ", "    " + SignedRequests.BODY);
    }

    @Test
    void aBodyOutsideTheContractStillGetsALine() {
        ReceivedRequest request = ReceivedRequest.of("/", null, 1, false, 401, "bad signature: webhook-signature",
                Instant.EPOCH, Map.of(), "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(request.line()).isEqualTo("REJECTED 401 (body is not JSON) webhook-id (none) attempt 1 latency ? /"
                + " (bad signature: webhook-signature)");
    }
}
