package io.mediahooks.bench.scenario;

import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.report.Distribution;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Backlogs of routed deliveries, as the router would have written them, for the consumers that start from them. */
final class Backlogs {

    private Backlogs() {
    }

    /** Publishes exactly {@code count} deliveries of fresh events to the scenario's deliveries topic. */
    static void publishDeliveries(KafkaSide kafka, Workload workload, EventSource events, int count) {
        List<Delivery> deliveries = new ArrayList<>(count);
        Instant now = Instant.now();
        while (deliveries.size() < count) {
            MediaEvent event = events.next(now);
            for (Delivery delivery : workload.deliveries(event, now)) {
                if (deliveries.size() < count) {
                    deliveries.add(delivery);
                }
            }
        }
        kafka.publishDeliveries(deliveries);
    }

    /** The arrival times of every distinct delivery the recording saw, whatever the endpoint. */
    static Distribution arrivals(Recording.Snapshot snapshot) {
        long[] all = snapshot.labels().values().stream()
                .flatMapToLong(label -> java.util.Arrays.stream(label.arrivalNanos())).toArray();
        return new Distribution(all);
    }
}
