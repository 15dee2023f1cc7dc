package io.mediahooks.bench.micro;

import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.router.routing.EventRouter;
import io.mediahooks.router.routing.Routing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What deciding where an event goes costs: one subscription's {@code matches} (type check plus a
 * case-insensitive {@code has_tag}), all ten webhooks of an organization, and the router's whole
 * pure routing step ({@link EventRouter#route}: matching, the body serialized once, one delivery
 * with its id per match). Events cycle through a fixed set so branches are not all predicted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MatchingBenchmark {

    private static final int EVENTS = 1024;

    private MediaEvent[] events;
    private Subscription[] taggedWebhookOf;
    private List<List<Subscription>> webhooksOf;
    private List<Optional<OrganizationSecrets>> secretsOf;
    private Instant now;
    private int next;

    @Setup
    public void setUp() {
        Workload workload = Workload.create(1, organization -> "https://hooks.example.com");
        now = Instant.now();
        EventSource source = new EventSource("evt_jmh_", 11, Workload.ORGANIZATIONS);
        events = new MediaEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = source.next(now);
        }
        List<Workload.Organization> organizations = workload.organizations();
        webhooksOf = new ArrayList<>();
        secretsOf = new ArrayList<>();
        taggedWebhookOf = new Subscription[organizations.size()];
        for (Workload.Organization organization : organizations) {
            webhooksOf.add(List.copyOf(organization.webhooks()));
            secretsOf.add(Optional.of(organization.secrets()));
            // "VIDEO_READY, VIDEO_UPDATED with has_tag sports": a type check and a tag scan.
            taggedWebhookOf[organization.index()] = organization.webhooks().get(2);
        }
    }

    private MediaEvent nextEvent() {
        next = (next + 1) & (EVENTS - 1);
        return events[next];
    }

    private static int organization(MediaEvent event) {
        return Workload.indexOf(event.organizationId());
    }

    @Benchmark
    public boolean oneSubscriptionWithTagCondition() {
        MediaEvent event = nextEvent();
        return taggedWebhookOf[organization(event)].matches(event);
    }

    @Benchmark
    public int organizationOfTenWebhooks() {
        MediaEvent event = nextEvent();
        int matches = 0;
        for (Subscription webhook : webhooksOf.get(organization(event))) {
            if (webhook.matches(event)) {
                matches++;
            }
        }
        return matches;
    }

    @Benchmark
    public Routing routeOneEvent() {
        MediaEvent event = nextEvent();
        int organization = organization(event);
        return EventRouter.route(event, webhooksOf.get(organization), secretsOf.get(organization), now);
    }
}
