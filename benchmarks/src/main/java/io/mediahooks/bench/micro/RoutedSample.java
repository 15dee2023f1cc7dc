package io.mediahooks.bench.micro;

import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import java.time.Instant;
import java.util.List;

/**
 * What the JMH benchmarks start from: the benchmark's workload (seed 1), the first event of the
 * event stream seeded 7 with at least a given fan-out, and its deliveries, routed now. The same
 * seeds give the same event in every run, so the figures compare across runs.
 */
record RoutedSample(Workload workload, Instant now, MediaEvent event, List<Delivery> deliveries) {

    static RoutedSample withFanOut(int atLeast) {
        Workload workload = Workload.create(1, organization -> "https://hooks.example.com");
        Instant now = Instant.now();
        EventSource events = new EventSource("evt_jmh_", 7, Workload.ORGANIZATIONS);
        MediaEvent event = events.next(now);
        while (workload.fanOut(event) < atLeast) {
            event = events.next(now);
        }
        return new RoutedSample(workload, now, event, workload.deliveries(event, now));
    }
}
