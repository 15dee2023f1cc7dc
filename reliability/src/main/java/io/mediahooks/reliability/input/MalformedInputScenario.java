package io.mediahooks.reliability.input;

import io.mediahooks.bench.Bench;
import io.mediahooks.bench.cluster.KafkaSide;
import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.receiver.EndpointSpec;
import io.mediahooks.bench.receiver.LoopbackReceiver;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.reliability.Scenario;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bad records on every input topic of the router and the worker, shuffled among valid events,
 * deliveries and retries, against the real jars. Verdict: no service dies or stops being ready,
 * every valid record is delivered (signed with the secret that was in force), every bad media event
 * is in {@code media-events-invalid} with a reason, every bad table, delivery and retry record is
 * logged and counted, and no bad webhook or secret is applied (nothing reaches the trap endpoint,
 * every signature verifies with the old secret).
 */
public final class MalformedInputScenario implements Scenario {

    public static final String NAME = "malformed-input";
    private static final long SEED = 20261203L;

    /** How much of everything: rounds of the corpus, valid events, valid deliveries (and as many retries). */
    record Size(int organizations, int rounds, int events, int deliveries, Duration budget) {
    }

    private final Size size;

    public MalformedInputScenario() {
        this(null);
    }

    /** A scenario of a given size (the ITs use a small one); null for the suite's full or quick size. */
    MalformedInputScenario(Size size) {
        this.size = size;
    }

    private Size size(SuiteContext context) {
        if (size != null) {
            return size;
        }
        return context.quick() ? new Size(4, 1, 100, 20, Duration.ofMinutes(5))
                : new Size(8, 6, 600, 100, Duration.ofMinutes(10));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration budget(SuiteContext context) {
        return size(context).budget();
    }

    @Override
    public ScenarioResult run(SuiteContext context) throws IOException {
        Size size = size(context);
        Instant started = Instant.now();
        // Leave a minute of the budget to stop the services and report.
        Instant deadline = started.plus(size.budget()).minus(Duration.ofSeconds(60));
        try (ScenarioCluster cluster = ScenarioCluster.start(context, NAME);
             LoopbackReceiver receiver = LoopbackReceiver.start(List.of(EndpointSpec.answering("live"),
                     EndpointSpec.answering("trap")), WorkerConfig.SIGNATURE_HEADER.defaultValue().orElseThrow())) {
            Fixture fixture = new Fixture(size.organizations(), SEED, receiver.baseUrl(0), receiver.baseUrl(1));
            KafkaSide kafka = cluster.kafka();
            Corpus corpus = Corpus.generate(fixture, size.rounds(), kafka.secretsAtRest());
            corpus.secretValues().forEach(context.secretsUsed()::add);
            kafka.provision(RetrySchedule.defaults());
            for (Subscription webhook : fixture.webhooks()) {
                OrganizationSecrets secrets = fixture.secrets().stream()
                        .filter(each -> each.organizationId().equals(webhook.organizationId())).findFirst().orElseThrow();
                kafka.publishWebhook(secrets, webhook);
            }
            // The receiver is on loopback over plain http, as in local development: the router and the worker both allow
            // it (each rejects webhooks whose URL its policy refuses). The ssrf scenario runs them with the production defaults.
            List<ServiceProcess> services = cluster.together(() -> cluster.router(Bench.loopbackHttpEnvironment()),
                    () -> cluster.worker(Bench.loopbackHttpEnvironment()));
            ServiceProcess router = services.get(0);
            ServiceProcess worker = services.get(1);
            Recording recording = receiver.record(new Recording(fixture.primarySecrets(), 1));
            Interleaving.Published published = Interleaving.publish(kafka, fixture, corpus, size.events(), size.deliveries(), SEED);
            try (InputChecks checks = new InputChecks(kafka, router, worker, recording, published)) {
                InputChecks.State state = checks.awaitAccounted(deadline);
                Files.writeString(cluster.dir().resolve("corpus.md"), InputReport.corpusTable(corpus, published, checks));
                return InputReport.result(NAME, kafka.topics().names(), corpus, published, state, checks, router, worker, recording.snapshot(),
                        Duration.between(started, Instant.now()));
            }
        }
    }
}
