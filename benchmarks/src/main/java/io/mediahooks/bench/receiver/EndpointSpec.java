package io.mediahooks.bench.receiver;

import java.util.Objects;

/**
 * One customer endpoint the receiver plays: a loopback address of its own (a separate host:port
 * to the worker, so per-endpoint limits apply as they would to separate customers).
 *
 * @param label    what the recording tallies its deliveries under ({@code healthy}, {@code hanging}, ...)
 * @param hangs    true for an endpoint that reads the request and never answers (the client times out)
 */
public record EndpointSpec(String label, boolean hangs) {

    public EndpointSpec {
        Objects.requireNonNull(label, "label");
    }

    public static EndpointSpec answering(String label) {
        return new EndpointSpec(label, false);
    }

    public static EndpointSpec hanging(String label) {
        return new EndpointSpec(label, true);
    }
}
