package io.mediahooks.reliability.faults;

import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.reliability.Scenario;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.reliability.cluster.AttemptLog;
import io.mediahooks.reliability.cluster.Cluster;
import io.mediahooks.reliability.cluster.Ledger;
import io.mediahooks.reliability.cluster.PacedLoad;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code fault-schedule}: deliveries to 200 webhooks of 20 organizations while workers are killed
 * with {@code kill -9} and restarted, the router too, the broker is stopped and started again, and
 * a worker is frozen until its partitions have moved, then woken as a zombie. Verdict: nothing
 * lost (every expected delivery arrived with valid signatures), duplicates under 1% and each with
 * the same {@code webhook-id}, and a {@code delivered} attempt on {@code webhook-attempts} for
 * every delivery.
 */
public final class FaultSchedule implements Scenario {

    public static final String NAME = "fault-schedule";

    /**
     * The sizes of a run.
     *
     * @param sessionTimeout the services' group session timeout: shorter than the freeze, so the
     *                       frozen worker's partitions move while it sleeps (the default 45 s would
     *                       outlast it)
     */
    record Plan(long deliveries, Duration load, int workers, Duration sessionTimeout, List<Fault.Timed> faults,
                Duration drain, Duration budget) {
    }

    static final Plan FULL = new Plan(100_000, Duration.ofMinutes(5), 3, Duration.ofSeconds(10), List.of(
            new Fault.Timed(0.06, new Fault.KillWorker(1)),
            new Fault.Timed(0.14, new Fault.KillRouter()),
            new Fault.Timed(0.22, new Fault.KillWorker(2)),
            new Fault.Timed(0.30, new Fault.FreezeWorker(3, Duration.ofSeconds(30))),
            new Fault.Timed(0.48, new Fault.KillWorker(1)),
            new Fault.Timed(0.56, new Fault.RestartBroker(Duration.ofSeconds(10))),
            new Fault.Timed(0.70, new Fault.KillWorker(2)),
            new Fault.Timed(0.78, new Fault.KillRouter()),
            new Fault.Timed(0.88, new Fault.KillWorker(3))),
            Duration.ofMinutes(3), Duration.ofMinutes(10));

    // A fault costs about as many duplicates at any length of run (what was in flight and completed since the last
    // commit: 54 for the freeze at 83 deliveries/s), so the quick run is long enough for one of each to stay under 1%.
    static final Plan QUICK = new Plan(10_000, Duration.ofSeconds(120), 2, Duration.ofSeconds(6), List.of(
            new Fault.Timed(0.10, new Fault.KillWorker(1)),
            new Fault.Timed(0.30, new Fault.KillRouter()),
            new Fault.Timed(0.50, new Fault.FreezeWorker(2, Duration.ofSeconds(12))),
            new Fault.Timed(0.80, new Fault.RestartBroker(Duration.ofSeconds(5)))),
            Duration.ofSeconds(90), Duration.ofMinutes(5));

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
        Cluster.Settings settings = new Cluster.Settings(plan.workers(), RetrySchedule.defaults(), plan.sessionTimeout(), false,
                Map.of());
        try (Rig rig = Rig.start(context, NAME, settings, Map.of())) {
            rig.settle(plan.workers(), Duration.ofMinutes(2));
            FaultRunner faults = new FaultRunner(rig, plan.workers());
            long failedEvents;
            try (PacedLoad load = rig.load(plan.deliveries(), plan.load())) {
                faults.run(plan.faults(), load, plan.load());
                rig.finish(load, plan.load().plusMinutes(3));
                failedEvents = load.failed();
            }
            boolean complete = rig.awaitDelivered(plan.drain(), Duration.ofSeconds(5));
            Ledger.Tally tally = rig.ledger.tally();
            AttemptLog log = AttemptLog.read(rig.cluster.kafka().bootstrapServers(), rig.cluster.kafka().topics());
            long unlogged = log.unlogged(rig.ledger.expectedIds());
            rig.timeline.say("counted: %s; attempts: %s", tally, log.outcomes());
            String done = String.format(Locale.ROOT, "%,d deliveries to %d webhooks of %d organizations, published over %d s "
                            + "to a router and %d workers; meanwhile %d worker kill -9s, %d router kill -9s, the broker stopped "
                            + "and restarted %d time(s), a worker frozen %.0f s (its partitions moved after %.0f s) and woken "
                            + "as a zombie; session timeout %d s; timeline and logs in %s/",
                    tally.expected(), rig.workload.subscriptions().size(), Rig.ORGANIZATIONS, plan.load().toSeconds(),
                    plan.workers(), faults.workerKills, faults.routerKills, faults.brokerRestarts, faults.frozenForSeconds,
                    faults.movedAfterSeconds, plan.sessionTimeout().toSeconds(), context.repository().relativize(rig.cluster.dir()));
            Verdict verdict = Verdict.ofDeliveries(tally, complete, 1.0)
                    .count("attempt records", log.outcomes())
                    .count("deliveries without a delivered attempt", unlogged)
                    .count("events the producer gave up on", failedEvents)
                    .count("services that exited by themselves", rig.cluster.revivedCount())
                    .require(unlogged == 0, "a delivered attempt on webhook-attempts for every delivery");
            return verdict.result(NAME, done, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
