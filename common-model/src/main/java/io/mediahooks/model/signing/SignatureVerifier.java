package io.mediahooks.model.signing;

import io.mediahooks.model.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Checks both signatures of a received webhook in constant time, as a receiver would: the sample
 * receiver and the tests use it. The Standard Webhooks check also rejects timestamps further than
 * the tolerance from now, which is what stops replays.
 */
public final class SignatureVerifier {

    /** The tolerance the official Standard Webhooks libraries use. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration tolerance;

    public SignatureVerifier(Clock clock, Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    public static SignatureVerifier withDefaults() {
        return new SignatureVerifier(Clock.systemUTC(), DEFAULT_TOLERANCE);
    }

    /** True when {@code header} is the hex signature of {@code body} under {@code secret} (case-insensitive hex). */
    public boolean verifyHex(String secret, byte[] body, String header) {
        if (header == null) {
            return false;
        }
        String expected = WebhookSigner.hexSignature(secret, body);
        return constantTimeEquals(expected, header.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * True when any {@code v1} entry of {@code signatureHeader} matches {@code secret} and the
     * timestamp is within the tolerance of now.
     */
    public boolean verifyStandard(String secret, String messageId, String timestampHeader, byte[] body, String signatureHeader) {
        if (messageId == null || timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        Instant now = clock.instant();
        Instant sent = Instant.ofEpochSecond(timestamp);
        if (sent.isBefore(now.minus(tolerance)) || sent.isAfter(now.plus(tolerance))) {
            return false;
        }
        String expected = WebhookSigner.standardEntry(messageId, timestamp, body, WebhookSecret.decodeKey(secret));
        boolean matched = false;
        for (String entry : signatureHeader.trim().split(" +")) {
            // Keep comparing after a match so the time taken does not reveal which entry matched.
            matched |= constantTimeEquals(expected, entry);
        }
        return matched;
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
