package io.mediahooks.bench.scenario;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.Endpoints;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.bench.report.Distribution;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One customer, one endpoint, a burst (a bulk re-encode, a playlist import): two workers with
 * default settings, one webhook taking every event, its endpoint answering 200 after 5 ms, the
 * 20,000 deliveries of 20,000 events on the deliveries topic as the router writes them (all in the
 * webhook's one partition). The router is left out: its own rate is figure 4, and here it would
 * measure the router's exactly-once commits rather than how the workers drain one endpoint.
 * Deliveries a second at the endpoint, and how many deliveries the workers put back on a retry
 * topic unattempted (the deferral metric, summed over the workers).
 */
public final class Burst {

    private static final String NAME = "burst";
    private static final int WORKERS = 2;

    public record Result(long events, long received, double perSecond, double deferred, long delayMillis, int workers) {
    }

    private Burst() {
    }

    public static Result run(Bench bench) {
        int events = bench.options().size(20_000, 20_000);
        // Organization 0's first webhook takes every event, without conditions; only it and its secret are published.
        Workload workload = Workload.create(bench.seed(), organization -> Endpoints.burstBaseUrl(bench.receiver()));
        Workload.Organization customer = workload.organizations().get(0);
        Subscription webhook = customer.webhooks().get(0);
        try (KafkaSide kafka = bench.kafka(NAME)) {
            kafka.provision(RetrySchedule.defaults());
            kafka.publishWebhook(customer.secrets(), webhook);
            EventSource source = new EventSource("evt_burst_", bench.seed(), Workload.ORGANIZATIONS);
            List<Delivery> burst = new ArrayList<>(events);
            Instant now = Instant.now();
            for (int i = 0; i < events; i++) {
                MediaEvent event = source.next(now);
                MediaEvent ours = new MediaEvent(event.eventId(), event.eventType(), event.createdAt(), customer.id(),
                        event.payload(), event.tags());
                burst.add(Delivery.route(ours, webhook, MediaEventCodec.deliveryBody(ours), now));
            }
            kafka.publishDeliveries(burst);
            Progress.say("burst: %,d deliveries for one webhook in its partition; its endpoint answers after %d ms", events,
                    Endpoints.BURST_DELAY_MILLIS);
            List<ServiceProcess> workers = new ArrayList<>();
            try {
                Recording recording = bench.receiver().record(new Recording(Map.of(customer.id().value(),
                        workload.primarySecrets().get(customer.id().value())), 50));
                workers.addAll(bench.startWorkers(bench.workerEnvironment(kafka, NAME), NAME, WORKERS));
                Window window = new Window(events, () -> WorkerAlone.targets(bench, workers));
                Waiting.untilCount(NAME, () -> recording.distinct(Endpoints.BURST), events, Duration.ofSeconds(240),
                        Duration.ofSeconds(40), window::observe);
                long ended = System.nanoTime();
                window.closeIfOpen();
                double deferred = workers.stream()
                        .mapToDouble(worker -> worker.metrics().sum("mediahooks_worker_deferred_total")).sum();
                Recording.Snapshot seen = recording.snapshot();
                double rate = new Distribution(seen.label(Endpoints.BURST).arrivalNanos())
                        .backlogRate(events, Window.FROM, Window.TO, ended);
                long received = recording.distinct(Endpoints.BURST);
                Progress.say("burst: %,.0f deliveries/s, %,.0f deferred, %,d of %,d arrived", rate, deferred, received, events);
                return new Result(events, received, rate, deferred, Endpoints.BURST_DELAY_MILLIS, WORKERS);
            } finally {
                Bench.stopAll(workers);
            }
        }
    }
}
