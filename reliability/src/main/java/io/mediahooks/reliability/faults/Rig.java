package io.mediahooks.reliability.faults;

import io.mediahooks.bench.cluster.EventPublisher;
import io.mediahooks.bench.cluster.Pause;
import io.mediahooks.bench.receiver.EndpointSpec;
import io.mediahooks.bench.receiver.LoopbackReceiver;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.reliability.cluster.Cluster;
import io.mediahooks.reliability.cluster.Ledger;
import io.mediahooks.reliability.cluster.PacedLoad;
import io.mediahooks.worker.WorkerConfig;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What every fault scenario stands on: the customers (20 organizations of 10 webhooks each, one
 * loopback endpoint per organization, answering after 2 ms so that requests are in flight when a
 * fault lands), the {@link Ledger} that checks each request, and the {@link Cluster}.
 */
final class Rig implements AutoCloseable {

    static final long SEED = 20261203L;
    static final int ORGANIZATIONS = 20;
    private static final long ANSWER_DELAY_MILLIS = 2;
    private static final long POLL_MILLIS = 200;
    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    final String name;
    final Timeline timeline;
    final LoopbackReceiver receiver;
    final Workload workload;
    final Ledger ledger;
    final Cluster cluster;
    final EventPublisher publisher;

    private Rig(String name, Timeline timeline, LoopbackReceiver receiver, Workload workload, Ledger ledger, Cluster cluster) {
        this.name = name;
        this.timeline = timeline;
        this.receiver = receiver;
        this.workload = workload;
        this.ledger = ledger;
        this.cluster = cluster;
        this.publisher = new EventPublisher(cluster.kafka().bootstrapServers(), cluster.kafka().topics().names().mediaEvents());
    }

    /**
     * Starts the receiver, the broker and the services, with the webhooks and secrets published.
     *
     * @param baseUrlOverrides where the webhooks of some organizations point instead of their endpoint, by organization index
     */
    static Rig start(SuiteContext context, String name, Cluster.Settings settings, Map<Integer, String> baseUrlOverrides) {
        Timeline timeline = new Timeline(name);
        LoopbackReceiver receiver = LoopbackReceiver.start(
                IntStream.range(0, ORGANIZATIONS).mapToObj(any -> EndpointSpec.answeringAfter("answering", ANSWER_DELAY_MILLIS)).toList(),
                WorkerConfig.SIGNATURE_HEADER.defaultValue().orElseThrow());
        Cluster cluster = null;
        try {
            Workload workload = Workload.create(SEED, ORGANIZATIONS,
                    organization -> baseUrlOverrides.getOrDefault(organization, receiver.baseUrl(organization)));
            workload.organizations().forEach(organization ->
                    organization.secrets().secrets().forEach(secret -> context.secretsUsed().add(secret.value())));
            Ledger ledger = new Ledger(workload.primarySecrets());
            receiver.listen(ledger);
            cluster = Cluster.start(context, name, settings);
            cluster.kafka().publish(workload);
            timeline.say("broker up, %d webhooks of %d organizations published; starting the router and %d workers",
                    workload.subscriptions().size(), ORGANIZATIONS, settings.workers());
            cluster.startServices();
            timeline.say("router and workers ready");
            return new Rig(name, timeline, receiver, workload, ledger, cluster);
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            }
            receiver.close();
            throw e;
        }
    }

    /** Starts publishing the events that make {@code deliveries} deliveries, spread over {@code duration}. */
    PacedLoad load(long deliveries, Duration duration) {
        String prefix = "evt_" + name + "_";
        long events = PacedLoad.eventsFor(deliveries, workload, prefix, SEED, ORGANIZATIONS);
        timeline.say("publishing %,d events (%,d deliveries) over %d s", events, deliveries, duration.toSeconds());
        return PacedLoad.start(publisher, new EventSource(prefix, SEED, ORGANIZATIONS), workload, ledger, events, duration);
    }

    /** Waits for the load to end: every event sent and acknowledged, or given up on. */
    void finish(PacedLoad load, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        while (!load.awaitFinished(Duration.ofMillis(POLL_MILLIS))) {
            revive();
            if (System.nanoTime() - started > timeout.toNanos()) {
                throw new IllegalStateException("the events were not all published within " + timeout.toSeconds() + " s");
            }
        }
        timeline.say("load published: %,d events sent, %,d given up on by the producer", load.sent(), load.failed());
    }

    /**
     * Waits until every expected delivery arrived with valid signatures, restarting services that
     * exit by themselves meanwhile, for at most {@code limit}; then waits {@code quiet} more, for
     * late duplicates to show.
     *
     * @return whether every delivery arrived
     */
    boolean awaitDelivered(Duration limit, Duration quiet) {
        long started = System.nanoTime();
        long lastReport = started;
        long missing;
        while ((missing = ledger.missing()) > 0 && System.nanoTime() - started < limit.toNanos()) {
            revive();
            if (System.nanoTime() - lastReport > REPORT_EVERY_NANOS) {
                timeline.say("%,d of %,d deliveries still to arrive", missing, ledger.expectedCount());
                lastReport = System.nanoTime();
            }
            Pause.millis(POLL_MILLIS);
        }
        timeline.say(missing == 0 ? "every delivery arrived" : "gave up waiting with %,d deliveries missing", missing);
        Pause.millis(quiet.toMillis());
        return missing == 0;
    }

    /** Waits until the workers' group is stable with {@code members} members owning every partition, restarting services that exit meanwhile. */
    Duration settle(int members, Duration timeout) {
        long started = System.nanoTime();
        Cluster.GroupView view;
        while (!(view = cluster.workerGroupView()).settledWith(members)) {
            revive();
            if (System.nanoTime() - started > timeout.toNanos()) {
                throw new IllegalStateException("the workers' group did not settle on " + members + " members within "
                        + timeout.toSeconds() + " s: " + view);
            }
            Pause.millis(POLL_MILLIS);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Restarts what exited by itself, and says so. */
    void revive() {
        cluster.reviveExited().forEach(line -> timeline.say("%s", line));
    }

    @Override
    public void close() {
        try {
            publisher.close();
            cluster.close();
        } finally {
            receiver.close();
            timeline.write(cluster.dir().resolve("timeline.txt"));
        }
    }
}
