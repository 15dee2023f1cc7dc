package io.mediahooks.worker.http;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediahooksVersion;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.signing.WebhookSigner;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the request of one attempt with the headers of SPEC.md ("The delivery"): the same body
 * bytes and {@code webhook-id} every time, a fresh {@code webhook-timestamp}, the Standard Webhooks
 * signature under every live secret and the hex signature under the primary one. Pure.
 */
public final class RequestSigner {

    public static final String CONTENT_TYPE = "application/json";

    private final String hexSignatureHeader;
    private final String userAgent;

    public RequestSigner(String hexSignatureHeader) {
        this(hexSignatureHeader, MediahooksVersion.userAgent());
    }

    RequestSigner(String hexSignatureHeader, String userAgent) {
        this.hexSignatureHeader = hexSignatureHeader;
        this.userAgent = userAgent;
    }

    /**
     * The request for {@code delivery} to {@code url}, signed at {@code now}.
     *
     * @param liveSecrets the organization's live secrets, primary first; at least one
     */
    public WebhookRequest sign(Delivery delivery, URI url, List<WebhookSecret> liveSecrets, Instant now) {
        if (liveSecrets.isEmpty()) {
            throw new IllegalArgumentException("signing needs at least one live secret");
        }
        byte[] body = delivery.bodyBytes();
        String messageId = delivery.deliveryId().value();
        long timestamp = now.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CONTENT_TYPE);
        headers.put("User-Agent", userAgent);
        headers.put("webhook-id", messageId);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.standardSignature(messageId, timestamp, body, liveSecrets));
        headers.put(hexSignatureHeader, WebhookSigner.hexSignature(liveSecrets.get(0).value(), body));
        return new WebhookRequest(url, body, headers);
    }
}
