package io.mediahooks.reliability.cluster;

import io.mediahooks.bench.receiver.ReceivedRequest;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.bench.receiver.RequestListener;
import io.mediahooks.bench.report.Distribution;
import io.mediahooks.bench.report.LongList;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.signing.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The customers' side of a scenario's books: every delivery the events must make (added once the
 * broker acknowledged the event) against every request the receiver got. A request counts as
 * delivered when both its signatures verify with its organization's secret. It is matched to its
 * (event, webhook) pair from its path ({@code /o/<organization>/<webhook>}) and body
 * ({@code event_id}), not from its {@code webhook-id}, so that a duplicate carrying another id
 * would be seen. Requests come in on the receiver's thread; the scenario reads on its own.
 */
public final class Ledger implements RequestListener {

    private static final byte[] EVENT_ID = "\"event_id\":\"".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, String> secretByOrganization;
    private final SignatureVerifier verifier = SignatureVerifier.withDefaults();
    /** Expected delivery id to its organization. */
    private final Map<String, String> expected = new ConcurrentHashMap<>();
    /** Requests per delivery id (of the pair the request was for). */
    private final Map<String, Integer> requests = new HashMap<>();
    private final Set<String> delivered = new HashSet<>();
    private final Map<String, Long> firstArrivalMillis = new HashMap<>();
    private final Map<String, LongList> latencyMillis = new HashMap<>();
    private long total;
    private long badSignatures;
    private long idMismatches;
    private long unreadable;

    /** @param secretByOrganization each organization's signing secret, by organization id */
    public Ledger(Map<String, String> secretByOrganization) {
        this.secretByOrganization = Map.copyOf(secretByOrganization);
    }

    /** Records deliveries the scenario expects, of {@code organization}. */
    public void expect(OrganizationId organization, Collection<DeliveryId> deliveries) {
        deliveries.forEach(id -> expected.put(id.value(), organization.value()));
    }

    @Override
    public synchronized void received(String label, ReceivedRequest request) {
        long arrived = System.currentTimeMillis();
        total++;
        String[] path = request.path().split("/");
        String eventId = stringField(request.body(), EVENT_ID);
        if (path.length != 4 || !"o".equals(path[1]) || eventId == null) {
            unreadable++;
            return;
        }
        String organization = path[2];
        String id = DeliveryId.of(new OrganizationId(organization), new EventId(eventId), new SubscriptionId(path[3])).value();
        if (!id.equals(request.webhookId())) {
            idMismatches++;
        }
        requests.merge(id, 1, Integer::sum);
        String secret = secretByOrganization.get(organization);
        boolean signed = secret != null
                && verifier.verifyStandard(secret, request.webhookId(), request.timestamp(), request.body(), request.signature())
                && verifier.verifyHex(secret, request.body(), request.hexSignature());
        if (!signed) {
            badSignatures++;
            return;
        }
        if (delivered.add(id)) {
            firstArrivalMillis.put(id, arrived);
            long createdAt = Recording.createdAtMillis(request.body());
            if (createdAt > 0) {
                latencyMillis.computeIfAbsent(organization, any -> new LongList()).add(arrived - createdAt);
            }
        }
    }

    /** Expected deliveries not yet delivered with valid signatures. */
    public synchronized long missing() {
        return expected.keySet().stream().filter(id -> !delivered.contains(id)).count();
    }

    /** The same, of one organization only. */
    public synchronized long missing(OrganizationId organization) {
        return expected.entrySet().stream()
                .filter(entry -> entry.getValue().equals(organization.value()) && !delivered.contains(entry.getKey())).count();
    }

    public long expectedCount() {
        return expected.size();
    }

    public long expectedCount(OrganizationId organization) {
        return expected.values().stream().filter(organization.value()::equals).count();
    }

    /** The ids of every expected delivery, for checking the attempt log. */
    public Set<String> expectedIds() {
        return Set.copyOf(expected.keySet());
    }

    /** The ids of the expected deliveries of {@code organization}. */
    public Set<String> expectedIds(OrganizationId organization) {
        return expected.entrySet().stream().filter(entry -> entry.getValue().equals(organization.value()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    /** The earliest and latest first arrival (epoch milliseconds) of the deliveries of {@code organization}; empty when none arrived. */
    public synchronized long[] firstArrivalRange(OrganizationId organization) {
        long[] range = {Long.MAX_VALUE, Long.MIN_VALUE};
        expected.forEach((id, owner) -> {
            Long at = firstArrivalMillis.get(id);
            if (owner.equals(organization.value()) && at != null) {
                range[0] = Math.min(range[0], at);
                range[1] = Math.max(range[1], at);
            }
        });
        return range[0] == Long.MAX_VALUE ? new long[0] : range;
    }

    /** The latency from {@code created_at} to first arrival of the deliveries of organizations that {@code include} accepts. */
    public synchronized Distribution latency(Predicate<String> include) {
        return new Distribution(latencyMillis.entrySet().stream().filter(entry -> include.test(entry.getKey()))
                .flatMapToLong(entry -> Arrays.stream(entry.getValue().toArray())).toArray());
    }

    /** What was counted so far. */
    public synchronized Tally tally() {
        long unexpected = delivered.stream().filter(id -> !expected.containsKey(id)).count();
        long duplicates = requests.values().stream().mapToLong(count -> count - 1).sum();
        Distribution latency = latency(organization -> true);
        long expectedNow = expected.size();
        return new Tally(expectedNow, expectedNow - missing(), total, duplicates, badSignatures, idMismatches, unreadable,
                unexpected, latency.percentile(50), latency.percentile(99), latency.max());
    }

    /**
     * The books at one moment.
     *
     * @param expected      deliveries the acknowledged events must make
     * @param delivered     of those, arrived at least once with valid signatures
     * @param requests      requests the receiver got
     * @param duplicates    requests beyond the first for the same (event, webhook) pair
     * @param badSignatures requests whose signatures did not verify
     * @param idMismatches  requests whose {@code webhook-id} was not the pair's stable id
     * @param unreadable    requests with no organization, webhook or {@code event_id} to match
     * @param unexpected    pairs delivered that no acknowledged event asked for
     */
    public record Tally(long expected, long delivered, long requests, long duplicates, long badSignatures, long idMismatches,
                        long unreadable, long unexpected, long latencyP50Millis, long latencyP99Millis, long latencyMaxMillis) {

        public long lost() {
            return expected - delivered;
        }

        /** Duplicates as a share of the expected deliveries, in percent. */
        public double duplicatePercent() {
            return expected == 0 ? 0 : 100.0 * duplicates / expected;
        }
    }

    /** The value of a string field written as {@code "name":"value"} (ids and times hold no escapes), or null. */
    static String stringField(byte[] body, byte[] prefix) {
        int at = Recording.indexOf(body, prefix);
        if (at < 0) {
            return null;
        }
        int start = at + prefix.length;
        int end = start;
        while (end < body.length && body[end] != '"') {
            end++;
        }
        return end < body.length ? new String(body, start, end - start, StandardCharsets.UTF_8) : null;
    }
}
