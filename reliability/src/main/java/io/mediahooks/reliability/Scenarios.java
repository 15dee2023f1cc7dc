package io.mediahooks.reliability;

import io.mediahooks.reliability.faults.FaultSchedule;
import io.mediahooks.reliability.faults.ReceiverOutage;
import io.mediahooks.reliability.faults.RollingUpgrade;
import java.util.List;

/** The scenarios of the suite, in the order they run. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        return List.of(new FaultSchedule(), new ReceiverOutage(), new RollingUpgrade());
    }
}
