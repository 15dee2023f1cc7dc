package io.mediahooks.bench.scenario;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.bench.workload.EventSource;
import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.worker.WorkerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive baseline ({@link NaiveConsumer}) on a backlog of deliveries on the deliveries topic,
 * to the same receiver; the rate is what the receiver saw in the middle of the backlog.
 */
public final class NaiveBaseline {

    private static final String NAME = "naive";

    public record Result(double perSecond, long delivered, long backlog, long signaturesChecked, long signaturesBad) {
    }

    private NaiveBaseline() {
    }

    public static Result run(Bench bench) {
        int backlog = bench.options().size(20_000, 4_000);
        Workload workload = bench.workload(false);
        try (KafkaSide kafka = bench.kafka(NAME)) {
            kafka.provision(RetrySchedule.defaults());
            Backlogs.publishDeliveries(kafka, workload, new EventSource("evt_naive_", bench.seed(), Workload.ORGANIZATIONS), backlog);
            Map<String, List<WebhookSecret>> secrets = new HashMap<>();
            workload.organizations().forEach(organization ->
                    secrets.put(organization.id().value(), organization.secrets().liveAt(Instant.now())));
            Recording recording = bench.receiver().record(new Recording(workload.primarySecrets(), 50));
            Progress.say("naive: %,d deliveries in the backlog; one thread, blocking POSTs", backlog);
            long delivered = new NaiveConsumer(kafka.bootstrapServers(), kafka.topics().names().deliveries(),
                    WorkerConfig.SIGNATURE_HEADER.defaultValue().orElseThrow(), secrets)
                    .run(backlog, Duration.ofSeconds(bench.options().size(120, 30)));
            long ended = System.nanoTime();
            Recording.Snapshot seen = recording.snapshot();
            double rate = Backlogs.arrivals(seen).backlogRate(backlog, Window.FROM, Window.TO, ended);
            Progress.say("naive: %,.0f deliveries/s", rate);
            return new Result(rate, delivered, backlog, seen.signaturesChecked(), seen.signaturesBad());
        }
    }
}
