package io.mediahooks.model.signing;

import io.mediahooks.model.WebhookSecret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.StringJoiner;

/**
 * The two signatures of SPEC.md, as pure functions:
 * <ul>
 *   <li>the hex signature: lowercase hex HMAC-SHA256 of the raw body, keyed with the UTF-8 bytes
 *       of the whole primary secret string ({@code whsec_...} included);</li>
 *   <li>the Standard Webhooks signature: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">},
 *       keyed with the base64-decoded part of each live secret, space-separated.</li>
 * </ul>
 */
public final class WebhookSigner {

    /** The Standard Webhooks symmetric signature version. */
    public static final String VERSION = "v1";

    private static final byte[] DOT = {'.'};

    private WebhookSigner() {
    }

    /** The value of the hex signature header for {@code body} under {@code primarySecret}. */
    public static String hexSignature(String primarySecret, byte[] body) {
        return HexFormat.of().formatHex(Hmac.sha256(primarySecret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** The value of the {@code webhook-signature} header: one {@code v1,...} entry per secret, in order. */
    public static String standardSignature(String messageId, long timestampSeconds, byte[] body, List<WebhookSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("signing needs at least one live secret");
        }
        StringJoiner header = new StringJoiner(" ");
        for (WebhookSecret secret : secrets) {
            header.add(standardEntry(messageId, timestampSeconds, body, secret.key()));
        }
        return header.toString();
    }

    /** One {@code v1,<base64>} entry keyed with {@code key} (the decoded bytes of a {@code whsec_} secret). */
    public static String standardEntry(String messageId, long timestampSeconds, byte[] body, byte[] key) {
        byte[] mac = Hmac.sha256(key,
                messageId.getBytes(StandardCharsets.UTF_8), DOT,
                Long.toString(timestampSeconds).getBytes(StandardCharsets.UTF_8), DOT,
                body);
        return VERSION + "," + Base64.getEncoder().encodeToString(mac);
    }
}
