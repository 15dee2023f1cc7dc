package io.mediahooks.reliability;

import io.mediahooks.reliability.faults.FaultSchedule;
import io.mediahooks.reliability.faults.ReceiverOutage;
import io.mediahooks.reliability.faults.RollingUpgrade;
import io.mediahooks.reliability.input.MalformedInputScenario;
import io.mediahooks.reliability.logs.SecretsInLogsScenario;
import io.mediahooks.reliability.ssrf.SsrfScenario;
import java.util.List;

/** The scenarios of the suite, in the order they run. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        // secrets-in-logs stays last: it scans the logs of every scenario before it.
        return List.of(new FaultSchedule(), new ReceiverOutage(), new RollingUpgrade(), new MalformedInputScenario(),
                new SsrfScenario(), new SecretsInLogsScenario());
    }
}
