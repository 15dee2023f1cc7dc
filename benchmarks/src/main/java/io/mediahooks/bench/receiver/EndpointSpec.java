package io.mediahooks.bench.receiver;

import java.util.Objects;

/**
 * One customer endpoint the receiver plays: a loopback address of its own (a separate host:port
 * to the worker, so per-endpoint limits apply as they would to separate customers).
 *
 * @param label    what the recording tallies its deliveries under ({@code healthy}, {@code hanging}, ...)
 * @param hangs    true for an endpoint that reads the request and never answers (the client times out)
 * @param delayMillis how long an answering endpoint takes to answer (0: at once)
 */
public record EndpointSpec(String label, boolean hangs, long delayMillis) {

    public EndpointSpec {
        Objects.requireNonNull(label, "label");
        if (delayMillis < 0) {
            throw new IllegalArgumentException("negative delay");
        }
    }

    public static EndpointSpec answering(String label) {
        return new EndpointSpec(label, false, 0);
    }

    /** Answers 200 {@code delayMillis} after each request is in, as a customer's server that does some work. */
    public static EndpointSpec answeringAfter(String label, long delayMillis) {
        return new EndpointSpec(label, false, delayMillis);
    }

    public static EndpointSpec hanging(String label) {
        return new EndpointSpec(label, true, 0);
    }
}
