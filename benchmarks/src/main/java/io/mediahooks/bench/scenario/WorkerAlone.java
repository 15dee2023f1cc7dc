package io.mediahooks.bench.scenario;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.cluster.KafkaSide;
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
import java.util.List;
import java.util.Map;

/**
 * The workers alone on the same kind of backlog as the naive baseline (routed deliveries on the
 * deliveries topic, same receiver): what the worker does with the CPU the router leaves it, once
 * warm (measured on the deliveries after a warm-up part of the same backlog).
 */
public final class WorkerAlone {

    private static final String NAME = "worker";

    /**
     * Deliveries sent before the measured ones. On this 2-core machine the worker's compiler
     * threads took 0.3 to 0.5 cores for the first 40 s of a backlog (about 450,000 deliveries),
     * beside the worker's own work: the rate rose from 13,500 to 20,000/s once they were done. A
     * worker runs for days; its figure is the one after that.
     */
    private static final int WARM_UP = 600_000;
    /** The backlog of this scenario until 2026-12-07, measured from the worker's start. */
    static final int COLD = 150_000;

    /** @param coldPerSecond the rate over its first {@code coldItems} deliveries (up to {@value #COLD}), measured as before the warm-up */
    public record Result(double perSecond, long delivered, long backlog, long signaturesChecked, long signaturesBad,
                         Map<String, ResourceMonitor.Usage> usage, double coldPerSecond, long coldItems) {
    }

    private WorkerAlone() {
    }

    public static Result run(Bench bench) {
        int warmUp = bench.options().size(WARM_UP, 15_000);
        int measured = bench.options().size(150_000, 15_000);
        int backlog = warmUp + measured;
        int coldItems = Math.min(COLD, warmUp);
        Workload workload = bench.workload(false);
        try (KafkaSide kafka = bench.kafka(NAME)) {
            kafka.provision(RetrySchedule.defaults());
            kafka.publish(workload);
            Backlogs.publishDeliveries(kafka, workload, new EventSource("evt_worker_", bench.seed(), Workload.ORGANIZATIONS), backlog);
            Progress.say("worker: %,d deliveries in the backlog, the first %,d to warm the JVM up", backlog, warmUp);
            Recording recording = bench.receiver().record(new Recording(workload.primarySecrets(), 50));
            Map<String, String> env = bench.workerEnvironment(kafka, NAME);
            List<ServiceProcess> workers = bench.startWorkers(env, NAME, bench.options().workers());
            Window window = new Window(warmUp, measured, () -> targets(bench, workers));
            long ended;
            try {
                Waiting.untilCount("worker", recording::distinct, backlog, Duration.ofSeconds(300), Duration.ofSeconds(30),
                        window::observe);
                ended = System.nanoTime();
                window.closeIfOpen();
            } finally {
                Bench.stopAll(workers);
            }
            Recording.Snapshot seen = recording.snapshot();
            Distribution arrivals = Backlogs.arrivals(seen);
            double rate = window.rate(arrivals, ended);
            if (window.measured()) {
                List<String> processes = new ArrayList<>(workers.stream().map(worker -> worker.process().name()).toList());
                processes.addAll(List.of("broker", "harness"));
                bench.profiled("worker alone", window.opened(), window.closed(), processes);
            }
            Progress.say("worker: %,.0f deliveries/s", rate);
            return new Result(rate, seen.labels().values().stream().mapToLong(label -> label.arrivalNanos().length).sum(),
                    backlog, seen.signaturesChecked(), seen.signaturesBad(), window.usage(),
                    Window.coldRate(arrivals, coldItems, ended), coldItems);
        }
    }

    static List<ResourceMonitor.Target> targets(Bench bench, List<ServiceProcess> services) {
        List<ResourceMonitor.Target> targets = new ArrayList<>();
        services.forEach(service -> targets.add(ResourceMonitor.Target.of(service)));
        targets.add(ResourceMonitor.Target.of(bench.brokerProcess()));
        targets.add(ResourceMonitor.Target.self("harness"));
        return targets;
    }
}
