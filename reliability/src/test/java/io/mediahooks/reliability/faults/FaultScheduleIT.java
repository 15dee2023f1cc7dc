package io.mediahooks.reliability.faults;

import org.junit.jupiter.api.Test;

/**
 * The reduced fault schedule on the packaged jars, each service a process of its own against a
 * broker in a JVM of its own: a worker killed with {@code kill -9}, the router killed, a worker
 * frozen until its partitions moved and woken as a zombie, the broker stopped and started again,
 * all during 10,000 deliveries.
 */
class FaultScheduleIT {

    @Test
    void nothingIsLostAndDuplicatesKeepTheirWebhookIdUnderKillsAFreezeAndABrokerRestart() throws Exception {
        QuickSuite.assertPassed(new FaultSchedule().run(QuickSuite.context(FaultSchedule.NAME)));
    }
}
