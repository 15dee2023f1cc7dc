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

    /** Deliveries built and sent at a time, so that a backlog of a million is never all in the heap. */
    private static final int CHUNK = 50_000;

    /** Publishes exactly {@code count} deliveries of fresh events to the scenario's deliveries topic. */
    static void publishDeliveries(KafkaSide kafka, Workload workload, EventSource events, int count) {
        Instant now = Instant.now();
        List<Delivery> chunk = new ArrayList<>(Math.min(count, CHUNK));
        int left = count;
        while (left > 0) {
            MediaEvent event = events.next(now);
            for (Delivery delivery : workload.deliveries(event, now)) {
                if (left > 0) {
                    chunk.add(delivery);
                    left--;
                }
                if (chunk.size() == CHUNK || (left == 0 && !chunk.isEmpty())) {
                    kafka.publishDeliveries(chunk);
                    chunk.clear();
                }
            }
        }
    }

    /** The arrival times of every distinct delivery the recording saw, whatever the endpoint. */
    static Distribution arrivals(Recording.Snapshot snapshot) {
        long[] all = snapshot.labels().values().stream()
                .flatMapToLong(label -> java.util.Arrays.stream(label.arrivalNanos())).toArray();
        return new Distribution(all);
    }
}
