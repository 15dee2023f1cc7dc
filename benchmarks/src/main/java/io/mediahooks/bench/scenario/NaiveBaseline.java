package io.mediahooks.bench.scenario;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.ResourceMonitor;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.bench.report.Distribution;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.worker.WorkerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline ({@link NaiveConsumer}) on a backlog of deliveries on the deliveries topic,
 * to the same receiver; the rate is what the receiver saw in the middle of the backlog's measured
 * part, after a warm-up part (as the worker gets one), and the CPU is its one thread's.
 */
public final class NaiveBaseline {

    private static final String NAME = "naive";
    /** The backlog of the baseline until 2026-12-07, measured from the start. */
    static final int COLD = 20_000;

    /**
     * @param threadMicrosPerDelivery CPU time of the loop's one thread (poll, sign, POST) over the
     *                                deliveries it sent in the window; 0 if the window never closed
     * @param usage                   the harness process in the window (the loop, and the receiver
     *                                answering it) and the broker
     * @param coldPerSecond           the rate over its first {@code coldItems} deliveries (up to {@value #COLD}),
     *                                measured as before the warm-up
     */
    public record Result(double perSecond, long delivered, long backlog, long signaturesChecked, long signaturesBad,
                         double threadMicrosPerDelivery, Map<String, ResourceMonitor.Usage> usage, double coldPerSecond,
                         long coldItems) {
    }

    private NaiveBaseline() {
    }

    public static Result run(Bench bench) {
        int warmUp = bench.options().size(100_000, 4_000);
        int measured = bench.options().size(100_000, 4_000);
        int backlog = warmUp + measured;
        int coldItems = Math.min(COLD, warmUp);
        Workload workload = bench.workload(false);
        try (KafkaSide kafka = bench.kafka(NAME)) {
            kafka.provision(RetrySchedule.defaults());
            Backlogs.publishDeliveries(kafka, workload, new EventSource("evt_naive_", bench.seed(), Workload.ORGANIZATIONS), backlog);
            Map<String, List<WebhookSecret>> secrets = new HashMap<>();
            workload.organizations().forEach(organization ->
                    secrets.put(organization.id().value(), organization.secrets().liveAt(Instant.now())));
            Recording recording = bench.receiver().record(new Recording(workload.primarySecrets(), 50));
            Progress.say("naive: %,d deliveries in the backlog, the first %,d to warm up; one thread, blocking POSTs",
                    backlog, warmUp);
            Window window = new Window(warmUp, measured, () -> List.of(ResourceMonitor.Target.self("harness"),
                    ResourceMonitor.Target.of(bench.brokerProcess())));
            ThreadCpu thread = new ThreadCpu(window.openAt(), window.closeAt());
            long delivered = new NaiveConsumer(kafka.bootstrapServers(), kafka.topics().names().deliveries(),
                    WorkerConfig.SIGNATURE_HEADER.defaultValue().orElseThrow(), secrets)
                    .run(backlog, Duration.ofSeconds(bench.options().size(240, 60)), sent -> {
                        thread.observe(sent);
                        window.observe(sent);
                    });
            long ended = System.nanoTime();
            window.closeIfOpen();
            Recording.Snapshot seen = recording.snapshot();
            Distribution arrivals = Backlogs.arrivals(seen);
            double rate = window.rate(arrivals, ended);
            Progress.say("naive: %,.0f deliveries/s, %.0f µs of its thread's CPU per delivery", rate, thread.microsPerDelivery());
            return new Result(rate, delivered, backlog, seen.signaturesChecked(), seen.signaturesBad(),
                    thread.microsPerDelivery(), window.usage(), Window.coldRate(arrivals, coldItems, ended), coldItems);
        }
    }

    /** The calling thread's CPU time between two counts of deliveries sent, as the window's marks are set. */
    private static final class ThreadCpu {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final long openAt;
        private final long closeAt;
        private long cpuAtOpen = -1;
        private double microsPerDelivery;

        ThreadCpu(long openAt, long closeAt) {
            this.openAt = openAt;
            this.closeAt = closeAt;
        }

        void observe(long sent) {
            if (sent == openAt) {
                cpuAtOpen = THREADS.getCurrentThreadCpuTime();
            } else if (sent == closeAt && cpuAtOpen >= 0) {
                microsPerDelivery = (THREADS.getCurrentThreadCpuTime() - cpuAtOpen) / 1e3 / (closeAt - openAt);
            }
        }

        double microsPerDelivery() {
            return microsPerDelivery;
        }
    }
}
