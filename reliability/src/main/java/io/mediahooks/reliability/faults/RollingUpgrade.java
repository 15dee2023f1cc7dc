package io.mediahooks.reliability.faults;

import io.mediahooks.bench.cluster.Pause;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.reliability.Scenario;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.reliability.cluster.AttemptLog;
import io.mediahooks.reliability.cluster.Cluster;
import io.mediahooks.reliability.cluster.Ledger;
import io.mediahooks.reliability.cluster.PacedLoad;
import io.mediahooks.reliability.cluster.Service;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rolling-upgrade}: every worker restarted one after the other under load, as a rolling
 * deployment does it: SIGTERM, wait until the process is gone, start it again, wait until
 * {@code /health/ready} answers, next. Verdict: nothing lost, and at most 0.1% duplicates.
 *
 * <p>The workers run with their own consumer settings. To compare others, the environment of
 * {@code run.sh} reaches every service ({@code MEDIAHOOKS_KAFKA_PARTITION_ASSIGNMENT_STRATEGY=...}),
 * and {@value #STATIC_MEMBERSHIP}{@code =true} gives each worker a {@code group.instance.id}.
 */
public final class RollingUpgrade implements Scenario {

    public static final String NAME = "rolling-upgrade";
    /** Environment variable of the suite: {@code true} runs the workers with static membership. */
    public static final String STATIC_MEMBERSHIP = "RELIABILITY_STATIC_MEMBERSHIP";
    private static final String ASSIGNOR = Cluster.kafkaVariable("partition.assignment.strategy");

    /** @param rollAt when the first worker is stopped, as a fraction of the load's duration */
    record Plan(long deliveries, Duration load, int workers, double rollAt, Duration drain, Duration budget) {
    }

    static final Plan FULL = new Plan(40_000, Duration.ofSeconds(150), 3, 0.15, Duration.ofMinutes(2), Duration.ofMinutes(6));
    static final Plan QUICK = new Plan(4_000, Duration.ofSeconds(60), 2, 0.15, Duration.ofSeconds(90), Duration.ofMinutes(3));

    /** Kafka's default session timeout: a static member's restart must fit in it, or its partitions move anyway. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(45);

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
        boolean staticMembership = Boolean.parseBoolean(System.getenv(STATIC_MEMBERSHIP));
        String consumer = Optional.ofNullable(System.getenv(ASSIGNOR)).orElse("the worker's cooperative-sticky assignor")
                + (staticMembership ? ", static membership (group.instance.id)" : ", dynamic membership");
        Cluster.Settings settings = new Cluster.Settings(plan.workers(), RetrySchedule.defaults(), SESSION_TIMEOUT,
                staticMembership, Map.of());
        try (Rig rig = Rig.start(context, NAME, settings, Map.of())) {
            rig.settle(plan.workers(), Duration.ofMinutes(2));
            rig.timeline.say("consumer settings: %s", consumer);
            double longestStop = 0;
            double longestStart = 0;
            try (PacedLoad load = rig.load(plan.deliveries(), plan.load())) {
                Duration rollAt = Duration.ofMillis((long) (plan.load().toMillis() * plan.rollAt()));
                while (load.elapsed().compareTo(rollAt) < 0) {
                    rig.revive();
                    Pause.millis(100);
                }
                for (Service worker : rig.cluster.workers()) {
                    Service.Stopped stopped = worker.terminate();
                    rig.timeline.say("%s stopped by SIGTERM in %.1f s (exit code %d); duplicates so far %,d", worker.name(),
                            stopped.took().toNanos() / 1e9, stopped.exitCode(), rig.ledger.tally().duplicates());
                    long starting = System.nanoTime();
                    worker.start();
                    double ready = (System.nanoTime() - starting) / 1e9;
                    rig.timeline.say("%s started again, ready after %.1f s", worker.name(), ready);
                    longestStop = Math.max(longestStop, stopped.took().toNanos() / 1e9);
                    longestStart = Math.max(longestStart, ready);
                }
                rig.finish(load, plan.load().plusMinutes(2));
            }
            boolean complete = rig.awaitDelivered(plan.drain(), Duration.ofSeconds(5));
            Ledger.Tally tally = rig.ledger.tally();
            AttemptLog log = AttemptLog.read(rig.cluster.kafka().bootstrapServers(), rig.cluster.kafka().topics());
            long unlogged = log.unlogged(rig.ledger.expectedIds());
            rig.timeline.say("counted: %s; attempts: %s", tally, log.outcomes());
            String done = String.format(Locale.ROOT, "%,d deliveries to 200 webhooks over %d s; from %.0f s on, each of %d workers "
                            + "in turn stopped (SIGTERM), started again and waited for until ready; %s",
                    tally.expected(), plan.load().toSeconds(), plan.load().toSeconds() * plan.rollAt(), plan.workers(), consumer);
            Verdict verdict = Verdict.ofDeliveries(tally, complete, 0.1)
                    .count("longest stop / start to ready", String.format(Locale.ROOT, "%.1f s / %.1f s", longestStop, longestStart))
                    .count("attempt records", log.outcomes())
                    .count("services that exited by themselves", rig.cluster.revivedCount())
                    .require(unlogged == 0, "a delivered attempt on webhook-attempts for every delivery");
            return verdict.result(NAME, done, Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
