package io.mediahooks.reliability.ssrf;

import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.reliability.ScenarioResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The ssrf scenario's verdict, its row of the results table, and the table of every form in its directory. */
final class SsrfReport {

    /** One submission and where it was refused. */
    record Row(Submission submission, Submission.Verdict verdict) {
    }

    private SsrfReport() {
    }

    static ScenarioResult result(String name, List<UrlForms.UrlForm> forms, List<Row> rows, long probed, long reached,
                                 List<Attempt> control, AllowedEndpoints allowed, List<ServiceProcess> services, Duration took) {
        List<String> failures = new ArrayList<>();
        if (probed != 2) {
            failures.add("the forbidden listener counted " + probed + " of 2 probe connections: its count proves nothing");
        }
        if (reached > 0) {
            failures.add(reached + " connections reached the forbidden listener");
        }
        rows.stream().filter(row -> !row.verdict().refused()).forEach(row -> failures.add(row.submission().form().name()
                + " via " + row.submission().via() + ": " + row.verdict().where()));
        if (control.stream().noneMatch(attempt -> attempt.outcome() == AttemptOutcome.DELIVERED)) {
            failures.add("the control webhook on the allowed address was not delivered: the refusals may be a broken setup");
        }
        services.stream().filter(service -> !service.process().isAlive())
                .forEach(service -> failures.add(service.process().name() + " died"));
        Map<String, Long> where = new TreeMap<>();
        rows.forEach(row -> where.merge(row.verdict().where().replaceAll(":.*", ""), 1L, Long::sum));
        Map<String, Long> categories = new LinkedHashMap<>();
        forms.forEach(form -> categories.merge(form.category(), 1L, Long::sum));
        Map<String, String> counted = new LinkedHashMap<>();
        counted.put("URL forms", forms.size() + " (" + categories.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")) + ")");
        counted.put("submissions", rows.size() + ", each form through POST /v1/webhooks and as a webhook-subscriptions record");
        counted.put("refused at", where.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", ")));
        counted.put("connections to the forbidden listener", reached + " (it counted the " + probed + " probes made before)");
        counted.put("allowed endpoint", allowed.redirectRequests() + " requests answered with a redirect, none followed; control "
                + (control.isEmpty() ? "not attempted" : control.get(control.size() - 1).outcome().wireName()));
        String done = forms.size() + " URL forms aimed at this machine (decimal, octal, hex and short IPv4, IPv6 loopback, mapped, "
                + "compatible, NAT64 and 6to4 forms, names of loopback from /etc/hosts, this machine's address, credentials, "
                + "fragment and encoding tricks, redirects 301/302/303/307/308 from an allowed HTTPS endpoint), each submitted "
                + "through the management API and straight onto webhook-subscriptions; one event routed to every webhook "
                + "accepted; production defaults (https only, no private networks) plus MEDIAHOOKS_ALLOWED_ADDRESSES="
                + AllowedEndpoints.HOST + "/32 for the allowed endpoint, the same for the API, the router and the worker";
        String verdict = failures.isEmpty()
                ? "0 connections to the forbidden listener; every form refused with its reason recorded (API problem, "
                        + "invalid record in both the router's and the worker's view, or attempt error / redirect status); "
                        + "the control on the allowed address delivered"
                : String.join("; ", failures);
        return new ScenarioResult(name, done, counted, failures.isEmpty(), verdict, took);
    }

    /** Every form, both ways, and where and why it was refused, as Markdown. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("# ssrf: every URL form and where it was refused\n\n"
                + "| category | form | URL | via | refused | where and why |\n|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            UrlForms.UrlForm form = row.submission().form();
            out.append("| ").append(form.category()).append(" | ").append(cell(form.name())).append(" | `")
                    .append(cell(form.url())).append("` | ").append(row.submission().via()).append(" | ")
                    .append(row.verdict().refused() ? "yes" : "**NO**").append(" | ").append(cell(row.verdict().where())).append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
