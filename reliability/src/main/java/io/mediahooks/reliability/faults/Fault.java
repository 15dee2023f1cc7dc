package io.mediahooks.reliability.faults;

import java.time.Duration;

/** One fault of a {@link FaultSchedule}. */
sealed interface Fault {

    /** {@code kill -9} of worker {@code worker} (counting from 1), started again at once. */
    record KillWorker(int worker) implements Fault {
    }

    /** {@code kill -9} of the router, started again at once. */
    record KillRouter() implements Fault {
    }

    /** The broker stopped (SIGTERM), left down for {@code down}, and started again on the same port and data. */
    record RestartBroker(Duration down) implements Fault {
    }

    /**
     * Worker {@code worker} frozen with SIGSTOP for at least {@code frozen} and until its
     * partitions have moved to the other workers, then resumed with SIGCONT: a zombie that wakes
     * up still holding requests, records and offsets of partitions it no longer owns.
     */
    record FreezeWorker(int worker, Duration frozen) implements Fault {
    }

    /** A fault and when it strikes, as a fraction of the load's duration. */
    record Timed(double at, Fault fault) {
    }
}
