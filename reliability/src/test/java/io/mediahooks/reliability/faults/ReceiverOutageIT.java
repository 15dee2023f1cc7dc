package io.mediahooks.reliability.faults;

import org.junit.jupiter.api.Test;

/**
 * The reduced receiver outage on the packaged jars: one organization's endpoint refuses
 * connections for a minute under a compressed retry schedule, then listens again.
 */
class ReceiverOutageIT {

    @Test
    void everyDeliveryArrivesOnceTheEndpointIsBackAndNoneIsDeadLetteredEarly() throws Exception {
        QuickSuite.assertPassed(new ReceiverOutage().run(QuickSuite.context(ReceiverOutage.NAME)));
    }
}
