package io.mediahooks.worker.http;

import java.net.URI;
import java.util.Locale;

/** The endpoint a URL calls: scheme, host and port, the unit of the per-endpoint concurrency cap. */
public record EndpointKey(String value) {

    public static EndpointKey of(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : "http".equals(scheme) ? 80 : 443;
        return new EndpointKey(scheme + "://" + host + ":" + port);
    }

    @Override
    public String toString() {
        return value;
    }
}
