package io.mediahooks.bench.scenario;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.Endpoints;
import io.mediahooks.bench.cluster.EventPublisher;
import io.mediahooks.bench.cluster.HeapHistogram;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.PrometheusText;
import io.mediahooks.bench.cluster.ResourceMonitor;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.bench.report.Distribution;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.LongStream;

/**
 * The whole pipeline: events on {@code media-events}, the router, the workers, the receiver. Two
 * phases on the same running services: a backlog of events at full rate (deliveries per second),
 * then a steady {@value #PACED_EVENTS_PER_SECOND} events a second (latency from each event's
 * {@code created_at} to its POST arriving). With {@code tenthHangs} the webhooks of a tenth of
 * the organizations point at endpoints that never answer: the isolation run.
 */
public final class EndToEnd {

    /**
     * Events of the healthy organizations (0-89) sent through the pipeline first, for the JIT: with
     * only the 6,000-event warm-up (until 2026-12-07) the compiler threads took 0.29 of the
     * router's 0.55 cores and 0.30 of the worker's 1.01 in the measured window. Then the warm-up
     * of before, all organizations, so that the isolation run starts as it did (the hanging
     * endpoints' first deliveries already in the worker).
     */
    static final int JIT_WARM_UP_EVENTS = 150_000;

    public static final int PACED_EVENTS_PER_SECOND = 1_000;
    private static final int HISTOGRAM_LINES = 20;

    /**
     * @param allPerSecond     distinct deliveries a second at every answering endpoint
     * @param healthyPerSecond the same for organizations 0 to 89 only (answering in every run)
     * @param deferred         deliveries the workers put back on a retry topic unattempted from the
     *                         batch's publication until its healthy deliveries had all arrived
     * @param tenthDeliveries  the batch's deliveries to organizations 90 to 99
     */
    public record FullRate(long events, double meanFanOut, double allPerSecond, double healthyPerSecond, long expected,
                           long received, long hangingRequests, double deferred, long tenthDeliveries,
                           Map<String, ResourceMonitor.Usage> usage, List<String> workerHeapHistogram) {
    }

    /** Latency percentiles in milliseconds, from {@code created_at} to arrival, of distinct deliveries. */
    public record Latency(long count, long p50, long p99, long max) {

        public static Latency of(long[] millis) {
            Distribution distribution = new Distribution(millis);
            return new Latency(distribution.count(), distribution.percentile(50), distribution.percentile(99), distribution.max());
        }
    }

    /**
     * @param all     every answering endpoint
     * @param healthy organizations 0 to 89 only
     */
    public record Paced(int eventsPerSecond, long events, long expected, long received, Latency all, Latency healthy,
                        List<Stage> stages) {
    }

    /**
     * One stage of the delivery's time as the worker measures it (histogram buckets, so p50 and p99
     * are the upper bound of their bucket), over the paced run only, first attempts only.
     */
    public record Stage(String name, long p50Millis, long p99Millis) {
    }

    /** The worker histograms that break the end-to-end latency down, in pipeline order. */
    private static final List<String[]> STAGES = List.of(
            new String[] {"router commit and fetch (routed_at to poll)", "mediahooks_worker_stage_duration_seconds",
                    "stage=\"routed_to_polled\""},
            new String[] {"waiting in the worker (poll to request out)", "mediahooks_worker_stage_duration_seconds",
                    "stage=\"polled_to_sent\""},
            new String[] {"the POST (request out to response)", "mediahooks_worker_request_duration_seconds",
                    "status_class=\"2xx\""},
            new String[] {"attempt publishing (response to Kafka ack)", "mediahooks_worker_stage_duration_seconds",
                    "stage=\"answered_to_settled\""});

    /**
     * @param full          the full-rate batch; in the isolation run, published as the hanging endpoints' first
     *                      requests still hang (their timeouts, circuits and deferrals begin in its window)
     * @param steady        the isolation run only: a second batch as large, of the same mix, after the paced
     *                      phase, the endpoints hanging for over a minute by then
     * @param coldPerSecond deliveries a second over the middle of the JIT warm-up, the JVMs cold (0 if it was left out)
     */
    public record Result(boolean tenthHangs, FullRate full, Paced paced, Optional<FullRate> steady, long signaturesChecked,
                         long signaturesBad, double coldPerSecond) {
    }

    private EndToEnd() {
    }

    public static Result run(Bench bench, boolean tenthHangs) {
        String name = tenthHangs ? "isolation" : "e2e";
        int events = bench.options().size(60_000, 8_000);
        int warmUpEvents = bench.options().size(6_000, 2_000);
        int jitWarmUpEvents = bench.options().size(JIT_WARM_UP_EVENTS, 0);
        Duration pacedFor = Duration.ofSeconds(bench.options().size(30, 10));
        Workload workload = bench.workload(tenthHangs);
        try (KafkaSide kafka = bench.kafka(name);
             EventPublisher publisher = new EventPublisher(kafka.bootstrapServers(), kafka.topics().names().mediaEvents())) {
            kafka.provision(RetrySchedule.defaults());
            kafka.publish(workload);
            EventSource source = new EventSource("evt_" + name + "_", bench.seed(), Workload.ORGANIZATIONS);
            EventSource healthyOnly = new EventSource("evt_" + name + "_jit_", bench.seed(), Endpoints.FIRST_OF_TENTH);
            EventPublisher.Batch jitWarmUp = publisher.prepare(healthyOnly, jitWarmUpEvents, workload);
            EventPublisher.Batch warmUp = publisher.prepare(source, warmUpEvents, workload);
            EventPublisher.Batch batch = publisher.prepare(source, events, workload);
            Optional<EventPublisher.Batch> steadyBatch = tenthHangs
                    ? Optional.of(publisher.prepare(source, events, workload)) : Optional.empty();
            ServiceProcess router = bench.startRouter(kafka, name);
            List<ServiceProcess> workers = new ArrayList<>();
            try {
                workers.addAll(bench.startWorkers(bench.workerEnvironment(kafka, name), name, bench.options().workers()));
                double cold = jitWarmUpEvents > 0 ? warmUp(bench, name + " JIT", tenthHangs, publisher, jitWarmUp, router) : 0;
                warmUp(bench, name, tenthHangs, publisher, warmUp, router);
                Recording fullRecording = bench.receiver().record(new Recording(workload.primarySecrets(), 50));
                double deferredBefore = deferred(workers);
                publisher.publish(batch);
                Progress.say("%s: %,d events published at full speed (%,d deliveries)%s", name, events,
                        batch.expectedDeliveries(), tenthHangs ? "; the webhooks of orgs 90-99 hang until the request timeout" : "");
                FullRate full = fullRate(bench, name, tenthHangs, batch, fullRecording, router, workers, deferredBefore);
                Paced paced = paced(bench, name, tenthHangs, workload, source, publisher, pacedFor, workers);
                Recording.Snapshot fullSeen = fullRecording.snapshot();
                long checked = fullSeen.signaturesChecked();
                long bad = fullSeen.signaturesBad();
                Optional<FullRate> steady = Optional.empty();
                if (steadyBatch.isPresent()) {
                    Recording steadyRecording = bench.receiver().record(new Recording(workload.primarySecrets(), 50));
                    double steadyDeferredBefore = deferred(workers);
                    publisher.publish(steadyBatch.get());
                    Progress.say("%s steady: %,d more events at full speed after the paced phase, the endpoints hanging since the warm-up",
                            name, events);
                    steady = Optional.of(fullRate(bench, name + " steady", true, steadyBatch.get(), steadyRecording, router,
                            workers, steadyDeferredBefore));
                    Recording.Snapshot steadySeen = steadyRecording.snapshot();
                    checked += steadySeen.signaturesChecked();
                    bad += steadySeen.signaturesBad();
                }
                return new Result(tenthHangs, full, paced, steady, checked, bad, cold);
            } finally {
                Bench.stopAll(workers);
                router.close();
            }
        }
    }

    /** Deliveries put back unattempted so far, summed over the workers. */
    private static double deferred(List<ServiceProcess> workers) {
        return workers.stream().mapToDouble(worker -> worker.metrics().sum("mediahooks_worker_deferred_total")).sum();
    }

    /** Each stage's buckets, summed over the workers. */
    private static List<java.util.TreeMap<Double, Double>> stageBuckets(List<ServiceProcess> workers) {
        List<PrometheusText> scrapes = workers.stream().map(ServiceProcess::metrics).toList();
        List<java.util.TreeMap<Double, Double>> buckets = new ArrayList<>();
        for (String[] stage : STAGES) {
            java.util.TreeMap<Double, Double> sum = new java.util.TreeMap<>();
            scrapes.forEach(scrape -> scrape.buckets(stage[1], stage[2]).forEach((bound, count) -> sum.merge(bound, count, Double::sum)));
            buckets.add(sum);
        }
        return buckets;
    }

    /**
     * Sends a first batch through the whole pipeline, so the measured one finds every JVM warm and
     * every view loaded; returns the rate in the middle of it (see {@link Window#coldRate}).
     */
    private static double warmUp(Bench bench, String name, boolean tenthHangs, EventPublisher publisher, EventPublisher.Batch warmUp,
                               ServiceProcess router) {
        Recording recording = bench.receiver().record(Recording.unsigned());
        publisher.publish(warmUp);
        long target = tenthHangs ? warmUp.expectedFor(0, Endpoints.FIRST_OF_TENTH) : warmUp.expectedDeliveries();
        LongSupplier received = tenthHangs ? () -> recording.distinct(Endpoints.HEALTHY) : recording::distinct;
        Waiting.untilCount(name + " warm-up", received, target, Duration.ofSeconds(180), RouterAlone.WARM_UP_STALL);
        RouterSkips.report(name + " warm-up", router, target, received.getAsLong());
        Recording.Snapshot seen = recording.snapshot();
        Distribution arrivals = tenthHangs ? new Distribution(seen.label(Endpoints.HEALTHY).arrivalNanos())
                : Backlogs.arrivals(seen);
        return Window.coldRate(arrivals, target, System.nanoTime());
    }

    private static FullRate fullRate(Bench bench, String name, boolean tenthHangs, EventPublisher.Batch batch,
                                     Recording recording, ServiceProcess router, List<ServiceProcess> workers,
                                     double deferredBefore) {
        List<ServiceProcess> services = new ArrayList<>(workers);
        services.add(0, router);
        long healthyExpected = batch.expectedFor(0, Endpoints.FIRST_OF_TENTH);
        long target = tenthHangs ? healthyExpected : batch.expectedDeliveries();
        LongSupplier received = tenthHangs ? () -> recording.distinct(Endpoints.HEALTHY) : recording::distinct;
        Window window = new Window(target, () -> WorkerAlone.targets(bench, services));
        Waiting.untilCount(name + " full rate", received, target, Duration.ofSeconds(300), Duration.ofSeconds(40),
                window::observe);
        long ended = System.nanoTime();
        window.closeIfOpen();
        double deferred = deferred(workers) - deferredBefore;
        // After the window: the full GC of a histogram must not fall in the measurement.
        List<String> histogram = HeapHistogram.top(workers.get(0).process().pid(), HISTOGRAM_LINES);
        Recording.Snapshot seen = recording.snapshot();
        double healthy = new Distribution(seen.label(Endpoints.HEALTHY).arrivalNanos())
                .backlogRate(healthyExpected, Window.FROM, Window.TO, ended);
        double all = tenthHangs ? healthy
                : Backlogs.arrivals(seen).backlogRate(batch.expectedDeliveries(), Window.FROM, Window.TO, ended);
        if (window.measured()) {
            List<String> processes = new ArrayList<>(services.stream().map(service -> service.process().name()).toList());
            processes.addAll(List.of("broker", "harness"));
            bench.profiled(name + " full rate", window.opened(), window.closed(), processes);
        }
        FullRate full = new FullRate(batch.records().size(), (double) batch.expectedDeliveries() / batch.records().size(), all,
                healthy, target, received.getAsLong(), seen.label(Endpoints.HANGING).requests(), deferred,
                batch.expectedDeliveries() - healthyExpected, window.usage(), histogram);
        Progress.say("%s full rate: %,.0f deliveries/s (orgs 0-89: %,.0f/s); %,.0f deferred", name, full.allPerSecond(),
                full.healthyPerSecond(), full.deferred());
        return full;
    }

    private static Paced paced(Bench bench, String name, boolean tenthHangs, Workload workload, EventSource source,
                               EventPublisher publisher, Duration duration, List<ServiceProcess> workers) {
        List<java.util.TreeMap<Double, Double>> before = stageBuckets(workers);
        Recording recording = bench.receiver().record(new Recording(workload.primarySecrets(), 50));
        Progress.say("%s: %,d events/s for %ds, latency from created_at to arrival", name, PACED_EVENTS_PER_SECOND,
                duration.toSeconds());
        EventPublisher.Paced published = publisher.publishAtRate(source, PACED_EVENTS_PER_SECOND, duration, workload);
        long healthyExpected = published.expectedFor(0, Endpoints.FIRST_OF_TENTH);
        long target = tenthHangs ? healthyExpected : published.expectedDeliveries();
        LongSupplier received = tenthHangs ? () -> recording.distinct(Endpoints.HEALTHY) : recording::distinct;
        Waiting.untilCount(name + " paced", received, target, Duration.ofSeconds(60), Duration.ofSeconds(20));
        Recording.Snapshot seen = recording.snapshot();
        long[] healthy = seen.label(Endpoints.HEALTHY).latencyMillis();
        long[] all = tenthHangs ? healthy : LongStream.concat(Arrays.stream(healthy),
                Arrays.stream(seen.label(Endpoints.TENTH).latencyMillis())).toArray();
        List<java.util.TreeMap<Double, Double>> after = stageBuckets(workers);
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            stages.add(new Stage(STAGES.get(i)[0], PrometheusText.quantileMillis(before.get(i), after.get(i), 0.5),
                    PrometheusText.quantileMillis(before.get(i), after.get(i), 0.99)));
        }
        Paced paced = new Paced(PACED_EVENTS_PER_SECOND, published.events(), target, received.getAsLong(), Latency.of(all),
                Latency.of(healthy), stages);
        stages.forEach(stage -> Progress.say("%s latency, %s: p50 <= %d ms, p99 <= %d ms", name, stage.name(),
                stage.p50Millis(), stage.p99Millis()));
        Progress.say("%s latency: p50 %d ms, p99 %d ms, max %d ms (%,d deliveries)", name, paced.all().p50(), paced.all().p99(),
                paced.all().max(), paced.all().count());
        return paced;
    }
}
