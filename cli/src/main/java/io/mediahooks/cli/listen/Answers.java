package io.mediahooks.cli.listen;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How the receiver answers a request whose signatures verified: 200, unless the path asks for a
 * failure ({@code /fail...} answers 503, {@code /gone...} 410, so demo webhooks can show retries
 * and dead letters) or {@code --fail-rate} draws one. {@code --delay} holds every answer back.
 *
 * @param failRate share of verified requests answered {@code failStatus} at random, 0 to 1
 * @param delay    how long each answer is held back, to look like a slow endpoint
 */
public record Answers(double failRate, int failStatus, Duration delay, RandomGenerator random) {

    public static final int OK = 200;
    public static final int REJECTED = 401;
    public static final int FAILING_PATH = 503;
    public static final int GONE_PATH = 410;

    public Answers {
        if (!(failRate >= 0 && failRate <= 1)) {
            throw new IllegalArgumentException("expected a share from 0 to 1 (0.25 fails one request in four), got " + failRate);
        }
        if (failStatus < 300 || failStatus > 599) {
            throw new IllegalArgumentException("expected a failing HTTP status from 300 to 599, got " + failStatus);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
    }

    /** Always 200 at once (except on the failing paths). */
    public static Answers healthy() {
        return new Answers(0, 503, Duration.ZERO, RandomGenerator.getDefault());
    }

    /** The status for a verified request to {@code path}, and why when it is a failure on purpose. */
    public Answer forVerified(String path) {
        if (path.startsWith("/fail")) {
            return new Answer(FAILING_PATH, "answered " + FAILING_PATH + " on purpose: the path starts with /fail");
        }
        if (path.startsWith("/gone")) {
            return new Answer(GONE_PATH, "answered " + GONE_PATH + " on purpose: the path starts with /gone");
        }
        if (failRate > 0 && random.nextDouble() < failRate) {
            return new Answer(failStatus, "answered " + failStatus + " on purpose: --fail-rate " + failRate);
        }
        return new Answer(OK, null);
    }

    /** A status and, for a failure on purpose, a note saying so (else null). */
    public record Answer(int status, String note) {
    }
}
