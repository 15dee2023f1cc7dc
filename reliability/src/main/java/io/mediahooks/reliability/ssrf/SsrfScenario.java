package io.mediahooks.reliability.ssrf;

import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventId;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.reliability.Scenario;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.reliability.input.ScenarioCluster;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.UrlPolicyConfig;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Webhook URLs that try to reach this machine, submitted where a customer would (the management
 * API) and past it (straight onto {@code webhook-subscriptions}), with the production defaults:
 * https only, private networks blocked. A listener on every local address counts the connections
 * that reach it; an allowed HTTPS endpoint ({@code MEDIAHOOKS_ALLOWED_ADDRESSES=127.0.0.10/32},
 * given to the API, the router and the worker alike) redirects to forbidden URLs, and answers 200
 * on a control port. Verdict: no connection reaches the listener, every form is refused somewhere
 * (the API, the router's and worker's views of the topic, or the worker's send) with its reason
 * recorded, the control is delivered.
 */
public final class SsrfScenario implements Scenario {

    public static final String NAME = "ssrf";
    static final String ORGANIZATION = "org_ssrf";
    private static final Pattern LISTENING = Pattern.compile("listening on http://[^:]+:(\\d+)");
    private static final Pattern ROUTER_REJECTED = Pattern.compile("Rejected Subscription record with key (\\S+) at \\S+: (.*); not applied");
    private static final Pattern WORKER_REJECTED = Pattern.compile("Skipped invalid record \\S+ with key (\\S+), the previous version stays: (.*)");

    private final boolean reduced;

    public SsrfScenario() {
        this(false);
    }

    /** @param reduced two forms of each category only (the IT's size) */
    SsrfScenario(boolean reduced) {
        this.reduced = reduced;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration budget(SuiteContext context) {
        return Duration.ofMinutes(context.quick() ? 5 : 6);
    }

    @Override
    public ScenarioResult run(SuiteContext context) throws Exception {
        Instant started = Instant.now();
        Instant deadline = started.plus(budget(context)).minus(Duration.ofSeconds(60));
        SecureRandom random = new SecureRandom();
        String adminToken = "mh_admin_" + HexFormat.of().formatHex(random.generateSeed(16));
        String trustPassword = HexFormat.of().formatHex(random.generateSeed(12));
        context.secretsUsed().add(adminToken);
        context.secretsUsed().add(trustPassword);
        try (ScenarioCluster cluster = ScenarioCluster.start(context, NAME);
             ForbiddenListener forbidden = ForbiddenListener.start();
             AllowedEndpoints allowed = AllowedEndpoints.start(UrlForms.REDIRECT_STATUSES, UrlForms.redirectTargets(forbidden.port()))) {
            long probed = forbidden.probe("127.0.0.1") + forbidden.probe("::1");
            List<UrlForms.UrlForm> forms = UrlForms.forms(forbidden.port(), AllowedEndpoints.HOST, allowed.redirectPorts(),
                    UrlForms.loopbackNames(Path.of("/etc/hosts")), UrlForms.ownForbiddenAddresses());
            if (reduced) {
                forms = UrlForms.firstOfEachCategory(forms, 2);
            }
            Path trustStore = allowed.writeTrustStore(cluster.dir().resolve("data/trust.p12"), trustPassword);
            RetrySchedule schedule = RetrySchedule.parse("1s");
            cluster.kafka().provision(schedule);
            Map<String, String> allowList = Map.of("MEDIAHOOKS_ALLOWED_ADDRESSES", AllowedEndpoints.HOST + "/32",
                    "MEDIAHOOKS_RETRY_SCHEDULE", schedule.toString());
            Map<String, String> workerEnv = new HashMap<>(allowList);
            workerEnv.put(WorkerConfig.TRUST_STORE.key(), trustStore.toString());
            workerEnv.put(WorkerConfig.TRUST_STORE_PASSWORD.key(), trustPassword);
            Map<String, String> apiEnv = new HashMap<>(allowList);
            apiEnv.put("MEDIAHOOKS_ADMIN_TOKEN", adminToken);
            List<ServiceProcess> services = cluster.together(() -> cluster.router(allowList), () -> cluster.worker(workerEnv),
                    () -> cluster.api(apiEnv));
            ServiceProcess router = services.get(0);
            ServiceProcess worker = services.get(1);
            ServiceProcess api = services.get(2);
            ApiClient client = new ApiClient(apiPort(api));
            String key = client.createKey(adminToken, ORGANIZATION);
            context.secretsUsed().add(key);
            context.secretsUsed().add(client.createSecret(key));

            try (SsrfRun run = new SsrfRun(cluster.kafka(), ORGANIZATION)) {
                UrlPolicy policy = UrlPolicyConfig.from(new Environment(allowList)).policy();
                Setting setting = new Setting(router, worker, api, policy, forbidden, allowed, probed, cluster.dir());
                return exercise(setting, forms, client, key, run, started, deadline);
            }
        }
    }

    /**
     * What the forms are thrown at: the services, the URL policy they run with, the listener that must count nothing, the
     * allowed endpoints.
     */
    private record Setting(ServiceProcess router, ServiceProcess worker, ServiceProcess api, UrlPolicy policy,
                           ForbiddenListener forbidden, AllowedEndpoints allowed, long probed, Path dir) {
    }

    private ScenarioResult exercise(Setting setting, List<UrlForms.UrlForm> forms, ApiClient client, String key, SsrfRun run,
                                    Instant started, Instant deadline) throws IOException {
        ServiceProcess router = setting.router();
        ForbiddenListener forbidden = setting.forbidden();
        AllowedEndpoints allowed = setting.allowed();
        long before = forbidden.accepted();
        List<Submission> submissions = submit(forms, client, key, run);
        ApiClient.Answer control = client.createWebhook(key, "https://" + AllowedEndpoints.HOST + ":" + allowed.controlPort() + "/ok");
        String controlId = control.text("id");
        // Only what to wait for: whether each form was refused is read from the services' logs and the attempts.
        List<String> expected = new ArrayList<>(submissions.stream().filter(each -> each.webhookId().isPresent())
                .filter(each -> each.via().equals("API") || viewsAccept(each.form().url(), setting.policy()))
                .map(each -> each.webhookId().get()).toList());
        expected.add(controlId);
        long viewRejected = submissions.stream()
                .filter(each -> each.via().equals("topic") && !viewsAccept(each.form().url(), setting.policy())).count();
        run.awaitViews(router, setting.worker(), viewRejected, deadline);
        EventId event = run.publishEvent();
        List<String> deliveries = expected.stream().map(id -> DeliveryId.of(new OrganizationId(ORGANIZATION), event,
                new SubscriptionId(id)).value()).toList();
        run.awaitFinal(deliveries, deadline);
        Map<String, String> rejected = rejections(router, ROUTER_REJECTED);
        Map<String, String> workerRejected = rejections(setting.worker(), WORKER_REJECTED);
        List<SsrfReport.Row> rows = new ArrayList<>();
        for (Submission submission : submissions) {
            rows.add(new SsrfReport.Row(submission, submission.judge(
                    submission.webhookId().map(run::attemptsOf).orElse(List.of()),
                    submission.webhookId().map(rejected::get), submission.webhookId().map(workerRejected::get))));
        }
        Files.writeString(setting.dir().resolve("ssrf-forms.md"), SsrfReport.table(rows));
        return SsrfReport.result(NAME, forms, rows, setting.probed(), forbidden.accepted() - before, run.attemptsOf(controlId),
                allowed, List.of(router, setting.worker(), setting.api()), Duration.between(started, Instant.now()));
    }

    /** Each form through the API, and as a record past it; the topic's webhook ids are {@code wh_ssrf_t_<n>}. */
    private static List<Submission> submit(List<UrlForms.UrlForm> forms, ApiClient client, String key, SsrfRun run) {
        List<Submission> submissions = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            UrlForms.UrlForm form = forms.get(i);
            ApiClient.Answer answer = client.createWebhook(key, form.url());
            submissions.add(answer.status() == 201
                    ? new Submission(form, "API", Optional.of(answer.text("id")), Optional.empty())
                    : new Submission(form, "API", Optional.empty(), Optional.of(answer.status() + " " + answer.text("detail"))));
            String id = "wh_ssrf_t_" + i;
            run.putSubscription(id, form.url());
            submissions.add(new Submission(form, "topic", Optional.of(id), Optional.empty()));
        }
        return submissions;
    }

    /**
     * Whether the router's and workers' views apply a record with {@code url}: the codec parses it and {@code policy}, the
     * one the services run with, does not refuse it.
     */
    static boolean viewsAccept(String url, UrlPolicy policy) {
        try {
            return policy.refusal(SubscriptionCodec.parseUrl(url)).isEmpty();
        } catch (InvalidRecordException e) {
            return false;
        }
    }

    private static int apiPort(ServiceProcess api) {
        Matcher matcher = LISTENING.matcher(api.process().log());
        if (!matcher.find()) {
            throw new IllegalStateException("the management API did not log its port:\n" + api.process().logTail(20));
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** A service's reason for each webhook record its view rejected, by webhook id, as its log says. */
    private static Map<String, String> rejections(ServiceProcess service, Pattern line) {
        Map<String, String> reasons = new HashMap<>();
        Matcher matcher = line.matcher(service.process().log());
        while (matcher.find()) {
            reasons.put(matcher.group(1), matcher.group(2));
        }
        return reasons;
    }
}
