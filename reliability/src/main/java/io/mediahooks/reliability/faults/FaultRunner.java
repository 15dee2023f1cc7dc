package io.mediahooks.reliability.faults;

import io.mediahooks.bench.cluster.Pause;
import io.mediahooks.reliability.cluster.PacedLoad;
import io.mediahooks.reliability.cluster.Service;
import java.time.Duration;
import java.util.List;

/**
 * Applies a schedule of faults to a running {@link Rig} while its load runs, each at its moment
 * or as soon as the one before has finished, and counts what it did.
 */
final class FaultRunner {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);

    private final Rig rig;
    private final int workers;
    int workerKills;
    int routerKills;
    int brokerRestarts;
    int freezes;
    /** How long the partitions of the frozen worker took to move, in seconds, of the last freeze. */
    double movedAfterSeconds;
    double frozenForSeconds;

    FaultRunner(Rig rig, int workers) {
        this.rig = rig;
        this.workers = workers;
    }

    void run(List<Fault.Timed> schedule, PacedLoad load, Duration loadDuration) {
        for (Fault.Timed timed : schedule) {
            Duration due = Duration.ofMillis((long) (loadDuration.toMillis() * timed.at()));
            while (load.elapsed().compareTo(due) < 0) {
                rig.revive();
                Pause.millis(100);
            }
            apply(timed.fault());
        }
    }

    private void apply(Fault fault) {
        rig.timeline.say("duplicates so far: %,d", rig.ledger.tally().duplicates());
        long started = System.nanoTime();
        if (fault instanceof Fault.KillWorker kill) {
            Service worker = rig.cluster.worker(kill.worker());
            worker.kill();
            rig.timeline.say("%s killed (kill -9)", worker.name());
            worker.start();
            workerKills++;
            rig.timeline.say("%s started again, ready %.1f s after the kill", worker.name(), secondsSince(started));
        } else if (fault instanceof Fault.KillRouter) {
            rig.cluster.router().kill();
            rig.timeline.say("router killed (kill -9)");
            rig.cluster.router().start();
            routerKills++;
            rig.timeline.say("router started again, ready %.1f s after the kill", secondsSince(started));
        } else if (fault instanceof Fault.RestartBroker restart) {
            rig.timeline.say("broker stopping (SIGTERM), to stay down %d s", restart.down().toSeconds());
            rig.cluster.restartBroker(restart.down());
            brokerRestarts++;
            rig.timeline.say("broker accepting clients again, %.1f s after it was told to stop", secondsSince(started));
        } else if (fault instanceof Fault.FreezeWorker freeze) {
            freeze(freeze);
        }
    }

    private void freeze(Fault.FreezeWorker freeze) {
        rig.settle(workers, SETTLE_TIMEOUT);
        Service worker = rig.cluster.worker(freeze.worker());
        long started = System.nanoTime();
        worker.freeze();
        rig.timeline.say("%s frozen (SIGSTOP)", worker.name());
        rig.settle(workers - 1, SETTLE_TIMEOUT);
        movedAfterSeconds = secondsSince(started);
        rig.timeline.say("its partitions moved to the other workers %.1f s after the freeze", movedAfterSeconds);
        long left = freeze.frozen().toNanos() - (System.nanoTime() - started);
        if (left > 0) {
            Pause.millis(left / 1_000_000);
        }
        worker.thaw();
        frozenForSeconds = secondsSince(started);
        freezes++;
        rig.timeline.say("%s resumed (SIGCONT) after %.1f s frozen: a zombie", worker.name(), frozenForSeconds);
        Duration back = rig.settle(workers, SETTLE_TIMEOUT);
        rig.timeline.say("the group has %d members again, %.1f s after the zombie woke", workers, back.toNanos() / 1e9);
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
