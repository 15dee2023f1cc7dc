package io.mediahooks.worker.http;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One signed POST, ready to send: where, the exact body bytes, and every header. */
public record WebhookRequest(URI url, byte[] body, Map<String, String> headers) {

    public WebhookRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        // Kept in insertion order so the wire order is stable and readable in captures.
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
