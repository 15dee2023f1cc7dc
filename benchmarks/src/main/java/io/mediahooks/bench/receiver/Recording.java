package io.mediahooks.bench.receiver;

import io.mediahooks.bench.report.LongList;
import io.mediahooks.model.signing.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the receiver saw during one measurement, per endpoint label: distinct deliveries (by
 * {@code webhook-id}), their arrival times, and the latency from each body's {@code created_at}
 * to its arrival. Every {@code verifyEvery}-th answered request has both signatures checked the
 * way a customer would. Written by the receiver thread, read by the harness: synchronized.
 */
public final class Recording {

    private static final byte[] CREATED_AT = "\"created_at\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, String> primarySecretByOrganization;
    private final int verifyEvery;
    private final SignatureVerifier verifier = SignatureVerifier.withDefaults();
    private final Map<String, Tally> tallies = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private long answered;
    private long signaturesChecked;
    private long signaturesBad;

    /**
     * @param primarySecretByOrganization the secret each organization signs with, for the sampled checks; empty to skip them
     * @param verifyEvery                 check one answered request in this many
     */
    public Recording(Map<String, String> primarySecretByOrganization, int verifyEvery) {
        this.primarySecretByOrganization = Map.copyOf(primarySecretByOrganization);
        this.verifyEvery = Math.max(1, verifyEvery);
    }

    /** A recording that checks no signature. */
    public static Recording unsigned() {
        return new Recording(Map.of(), 1);
    }

    synchronized void record(String label, ReceivedRequest request, boolean answering, long arrivalNanos, long arrivalMillis) {
        Tally tally = tallies.computeIfAbsent(label, any -> new Tally());
        tally.requests++;
        if (request.webhookId() != null && !seen.add(request.webhookId())) {
            tally.duplicates++;
            return;
        }
        tally.arrivals.add(arrivalNanos);
        long createdAt = createdAtMillis(request.body());
        if (createdAt > 0) {
            tally.latencies.add(arrivalMillis - createdAt);
        }
        if (answering && !primarySecretByOrganization.isEmpty() && answered++ % verifyEvery == 0) {
            verify(request);
        }
    }

    private void verify(ReceivedRequest request) {
        signaturesChecked++;
        String secret = primarySecretByOrganization.get(organizationOf(request.path()));
        boolean good = secret != null
                && verifier.verifyHex(secret, request.body(), request.hexSignature())
                && verifier.verifyStandard(secret, request.webhookId(), request.timestamp(), request.body(), request.signature());
        if (!good) {
            signaturesBad++;
        }
    }

    /** Webhook URLs of the benchmark are {@code /o/<organization>/<subscription>}. */
    static String organizationOf(String path) {
        int start = path.startsWith("/o/") ? 3 : -1;
        int end = start < 0 ? -1 : path.indexOf('/', start);
        return end < 0 ? "" : path.substring(start, end);
    }

    /** Milliseconds of the body's {@code created_at}, or 0 when it has none. */
    public static long createdAtMillis(byte[] body) {
        int at = indexOf(body, CREATED_AT);
        if (at < 0) {
            return 0;
        }
        int start = at + CREATED_AT.length;
        int end = start;
        while (end < body.length && body[end] != '"') {
            end++;
        }
        try {
            return Instant.parse(new String(body, start, end - start, StandardCharsets.US_ASCII)).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    /** Where {@code needle} first occurs in {@code haystack}, or -1: a field of a body found without parsing it. */
    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Distinct deliveries seen so far under {@code label}. */
    public synchronized long distinct(String label) {
        Tally tally = tallies.get(label);
        return tally == null ? 0 : tally.arrivals.size();
    }

    /** Whether a request with this {@code webhook-id} arrived, under any label. */
    public synchronized boolean saw(String webhookId) {
        return seen.contains(webhookId);
    }

    /** Distinct deliveries seen so far under every label. */
    public synchronized long distinct() {
        return seen.size();
    }

    public synchronized Snapshot snapshot() {
        Map<String, Snapshot.Label> labels = new TreeMap<>();
        tallies.forEach((label, tally) -> labels.put(label, new Snapshot.Label(tally.requests, tally.duplicates,
                tally.arrivals.toArray(), tally.latencies.toArray())));
        return new Snapshot(labels, signaturesChecked, signaturesBad);
    }

    /** A copy of a recording's contents. */
    public record Snapshot(Map<String, Label> labels, long signaturesChecked, long signaturesBad) {

        private static final Label EMPTY = new Label(0, 0, new long[0], new long[0]);

        public Label label(String name) {
            return labels.getOrDefault(name, EMPTY);
        }

        /**
         * @param arrivalNanos     {@code System.nanoTime()} at each distinct delivery's arrival
         * @param latencyMillis    from {@code created_at} to arrival, per distinct delivery
         */
        public record Label(long requests, long duplicates, long[] arrivalNanos, long[] latencyMillis) {
        }
    }

    private static final class Tally {
        long requests;
        long duplicates;
        final LongList arrivals = new LongList();
        final LongList latencies = new LongList();
    }
}
