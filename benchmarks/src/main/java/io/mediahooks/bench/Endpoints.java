package io.mediahooks.bench;

import io.mediahooks.bench.receiver.EndpointSpec;
import io.mediahooks.bench.receiver.LoopbackReceiver;
import io.mediahooks.bench.workload.Workload;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The customer endpoints the receiver plays, one per organization as with real customers: for
 * organizations 0 to 89 one answering endpoint each; for organizations 90 to 99 (a tenth of the
 * webhooks) an answering endpoint each and, for the isolation run, a hanging one each.
 */
public final class Endpoints {

    /** Organizations whose webhooks keep answering in every run. */
    public static final String HEALTHY = "orgs 0-89";
    /** The tenth of the webhooks that the isolation run makes hang, while they answer. */
    public static final String TENTH = "orgs 90-99";
    /** The same tenth while hanging. */
    public static final String HANGING = "orgs 90-99 hanging";

    /** The one endpoint of the burst run: answers 200 after 5 ms. */
    public static final String BURST = "burst endpoint";
    public static final long BURST_DELAY_MILLIS = 5;

    public static final int FIRST_OF_TENTH = Workload.ORGANIZATIONS * 9 / 10;

    private Endpoints() {
    }

    /** One spec per endpoint: answering 0..99 (by organization), then hanging ones for organizations 90..99. */
    public static List<EndpointSpec> specs() {
        List<EndpointSpec> specs = new ArrayList<>();
        for (int organization = 0; organization < Workload.ORGANIZATIONS; organization++) {
            specs.add(EndpointSpec.answering(organization < FIRST_OF_TENTH ? HEALTHY : TENTH));
        }
        for (int organization = FIRST_OF_TENTH; organization < Workload.ORGANIZATIONS; organization++) {
            specs.add(EndpointSpec.hanging(HANGING));
        }
        specs.add(EndpointSpec.answeringAfter(BURST, BURST_DELAY_MILLIS));
        return specs;
    }

    /** Where each organization's webhooks point: its answering endpoint, or for the tenth its hanging one. */
    public static IntFunction<String> baseUrls(LoopbackReceiver receiver, boolean tenthHangs) {
        return organization -> tenthHangs && organization >= FIRST_OF_TENTH
                ? receiver.baseUrl(Workload.ORGANIZATIONS + organization - FIRST_OF_TENTH)
                : receiver.baseUrl(organization);
    }

    /** The base URL of the burst run's endpoint (after the answering and hanging ones). */
    public static String burstBaseUrl(LoopbackReceiver receiver) {
        return receiver.baseUrl(Workload.ORGANIZATIONS + (Workload.ORGANIZATIONS - FIRST_OF_TENTH));
    }

    /** One URL on every answering endpoint, for the ceiling. */
    public static List<URI> answeringUrls(LoopbackReceiver receiver) {
        List<URI> urls = new ArrayList<>();
        for (int organization = 0; organization < Workload.ORGANIZATIONS; organization++) {
            urls.add(URI.create(receiver.baseUrl(organization) + "/o/" + Workload.organizationId(organization).value() + "/ceiling"));
        }
        return urls;
    }
}
