package io.mediahooks.reliability.faults;

import io.mediahooks.bench.cluster.Pause;
import io.mediahooks.bench.receiver.EndpointSpec;
import io.mediahooks.bench.receiver.LoopbackReceiver;
import io.mediahooks.bench.report.Distribution;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.reliability.Scenario;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.reliability.cluster.AttemptLog;
import io.mediahooks.reliability.cluster.Cluster;
import io.mediahooks.reliability.cluster.Ledger;
import io.mediahooks.reliability.cluster.PacedLoad;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code receiver-outage}: one customer's endpoint refuses connections (nothing listens on its
 * port) for the whole outage while events keep coming, under a retry schedule compressed so that
 * the outage spans several attempts; then it listens again. Verdict: every delivery arrives once
 * it is back, and no delivery was dead-lettered before its schedule ran out.
 */
public final class ReceiverOutage implements Scenario {

    public static final String NAME = "receiver-outage";
    /** The organization whose endpoint goes down: its 10 webhooks point at the closed port. */
    static final int DOWN = 0;

    /**
     * @param schedule    longer in all than the outage (so nothing need be dead-lettered), its
     *                    longest delay short enough that deliveries come soon after the endpoint does
     */
    record Plan(Duration outage, RetrySchedule schedule, long deliveries, Duration drain, Duration budget) {
    }

    /** 9 retries over 11 min 50 s; at most 2 min between attempts. */
    static final Plan FULL = new Plan(Duration.ofMinutes(10), RetrySchedule.parse("5s,15s,30s,1m,2m,2m,2m,2m,2m"), 12_000,
            Duration.ofSeconds(210), Duration.ofMinutes(15));
    /** 7 retries over 77 s; at most 15 s between attempts. */
    static final Plan QUICK = new Plan(Duration.ofMinutes(1), RetrySchedule.parse("2s,5s,10s,15s,15s,15s,15s"), 2_000,
            Duration.ofMinutes(2), Duration.ofMinutes(4));

    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    private static final int WORKERS = 2;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration budget(SuiteContext context) {
        return plan(context).budget();
    }

    static Plan plan(SuiteContext context) {
        return context.quick() ? QUICK : FULL;
    }

    @Override
    public ScenarioResult run(SuiteContext context) throws InterruptedException {
        Plan plan = plan(context);
        long started = System.nanoTime();
        int port = unusedPort();
        OrganizationId down = Workload.organizationId(DOWN);
        Cluster.Settings settings = new Cluster.Settings(WORKERS, plan.schedule(), SESSION_TIMEOUT, false, Map.of());
        try (Rig rig = Rig.start(context, NAME, settings, Map.of(DOWN, "http://127.0.0.1:" + port))) {
            rig.settle(WORKERS, Duration.ofMinutes(2));
            long outageStarted = System.nanoTime();
            rig.timeline.say("the endpoint of %s (127.0.0.1:%d) refuses connections for %d s; retry schedule %s",
                    down.value(), port, plan.outage().toSeconds(), plan.schedule());
            try (PacedLoad load = rig.load(plan.deliveries(), plan.outage())) {
                rig.finish(load, plan.outage().plusMinutes(2));
            }
            while (System.nanoTime() - outageStarted < plan.outage().toNanos()) {
                rig.revive();
                Pause.millis(200);
            }
            Ledger ledger = rig.ledger;
            long arrivedWhileDown = ledger.expectedCount(down) - ledger.missing(down);
            boolean complete;
            long backAt;
            try (LoopbackReceiver back = LoopbackReceiver.start(List.of(EndpointSpec.answering("back")),
                    WorkerConfig.SIGNATURE_HEADER.defaultValue().orElseThrow(), List.of(port))) {
                back.listen(ledger);
                backAt = System.currentTimeMillis();
                rig.timeline.say("the endpoint listens again, %,d of its deliveries to come", ledger.missing(down));
                complete = rig.awaitDelivered(plan.drain(), Duration.ofSeconds(3));
            }
            long[] arrivals = ledger.firstArrivalRange(down);
            Ledger.Tally tally = ledger.tally();
            Distribution others = ledger.latency(organization -> !organization.equals(down.value()));
            AttemptLog log = AttemptLog.read(rig.cluster.kafka().bootstrapServers(), rig.cluster.kafka().topics());
            Set<String> downIds = ledger.expectedIds(down);
            int mostAttempts = downIds.stream().mapToInt(id -> log.mostAttempts().getOrDefault(id, 0)).max().orElse(0);
            long early = log.deadLetters().stream()
                    .filter(letter -> letter.lastAttempt().map(Attempt::attempt).orElse(0) < plan.schedule().maxAttempts()).count();
            long unlogged = log.unlogged(ledger.expectedIds());
            rig.timeline.say("counted: %s; attempts: %s; dead letters %d", tally, log.outcomes(), log.deadLetters().size());
            String done = String.format(Locale.ROOT, "%,d deliveries over %d s to 200 webhooks of %d organizations, 2 workers; "
                            + "the endpoint of %s's 10 webhooks refused connections (closed port) for all %d s, retry schedule %s "
                            + "(%d attempts over %d s), then listened again",
                    tally.expected(), plan.outage().toSeconds(), Rig.ORGANIZATIONS, down.value(), plan.outage().toSeconds(),
                    plan.schedule(), plan.schedule().maxAttempts(),
                    plan.schedule().delays().stream().mapToLong(Duration::toSeconds).sum());
            Verdict verdict = Verdict.ofDeliveries(tally, complete, 1.0)
                    .count("deliveries to the endpoint that was down", downIds.size())
                    .count("of those arriving while it was down", arrivedWhileDown)
                    .count("they arrived after it came back", arrivals.length == 0 ? "none"
                            : String.format(Locale.ROOT, "from %.1f s to %.1f s", (arrivals[0] - backAt) / 1e3,
                            (arrivals[1] - backAt) / 1e3))
                    .count("failed attempts while it was down", log.count(AttemptOutcome.RETRY_SCHEDULED))
                    .count("most attempts of one delivery", mostAttempts)
                    .count("dead letters", log.deadLetters().size())
                    .count("dead-lettered before the last attempt", early)
                    .count("latency of the other organizations p99 / max", String.format(Locale.ROOT, "%,d / %,d ms",
                            others.percentile(99), others.max()))
                    .count("attempt records", log.outcomes())
                    .require(complete && ledger.missing(down) == 0 && arrivedWhileDown == 0,
                            "every delivery to the endpoint that was down arrived after it came back")
                    .require(early == 0, "nothing dead-lettered before its schedule ran out")
                    .require(unlogged == 0, "a delivered attempt on webhook-attempts for every delivery");
            return verdict.result(NAME, done, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * A loopback port nothing listens on, below the ephemeral range (32768 and up on Linux), so that
     * no client connection of this machine takes it while the endpoint is down.
     */
    static int unusedPort() {
        for (int tries = 0; tries < 100; tries++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException e) {
                // Taken: try another.
            }
        }
        throw new IllegalStateException("no free loopback port between 20000 and 32000");
    }
}
