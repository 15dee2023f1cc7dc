package io.mediahooks.cli.listen;

import io.mediahooks.model.signing.SignatureVerifier;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a receiver must do with every request before it trusts the body: check both signatures of
 * SPEC against the secrets it knows. Pure: headers come in as a lookup, the verdict goes out.
 */
public final class SignatureCheck {

    /** SPEC's default name of the hex signature header. */
    public static final String DEFAULT_HEX_HEADER = "X-FP-Webhook-Signature-Hmac-Sha-256";

    private final SignatureVerifier verifier;
    private final String hexHeader;

    public SignatureCheck(SignatureVerifier verifier, String hexHeader) {
        this.verifier = verifier;
        this.hexHeader = hexHeader;
    }

    public String hexHeader() {
        return hexHeader;
    }

    /**
     * Empty when both signatures verify under one of {@code secrets}, else what failed.
     *
     * <p>The hex signature is keyed with the primary secret only; a receiver given several secrets
     * (during a rotation it may not know which one the sender made primary) accepts any of them.
     *
     * @param header the request's header value by name (case-insensitive), null when absent
     */
    public Optional<String> problem(List<String> secrets, Function<String, String> header, byte[] body) {
        if (secrets.isEmpty()) {
            return Optional.of("the receiver knows no secret");
        }
        String messageId = header.apply("webhook-id");
        boolean hexOk = false;
        boolean standardOk = false;
        for (String secret : secrets) {
            // No early exit: the time taken should not tell which secret matched.
            hexOk |= verifier.verifyHex(secret, body, header.apply(hexHeader));
            standardOk |= verifier.verifyStandard(secret, messageId, header.apply("webhook-timestamp"), body,
                    header.apply("webhook-signature"));
        }
        if (hexOk && standardOk) {
            return Optional.empty();
        }
        String failed = hexOk ? "webhook-signature" : standardOk ? hexHeader : hexHeader + " and webhook-signature";
        return Optional.of("bad signature: " + failed);
    }
}
