package io.mediahooks.cli.listen;

import io.mediahooks.model.SecretId;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.signing.WebhookSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Signs and sends a request as the delivery worker would, for the receiver's tests. */
final class SignedRequests {

    static final String BODY = "{\"event_type\":\"VIDEO_READY\",\"event_id\":\"evt_1\",\"created_at\":\"2026-11-26T12:00:00Z\","
            + "\"payload\":{}}";

    private final HttpClient client = HttpClient.newHttpClient();

    /** POSTs {@link #BODY} signed with {@code secret} under {@code messageId}, stamped {@code at}; the status answered. */
    int post(URI url, String messageId, String secret, Instant at) throws Exception {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .header(SignatureCheck.DEFAULT_HEX_HEADER, WebhookSigner.hexSignature(secret, body))
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.standardSignature(messageId, timestamp, body,
                        List.of(new WebhookSecret(new SecretId("sec_1"), secret, Optional.empty()))))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    int get(URI url) throws Exception {
        return client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
