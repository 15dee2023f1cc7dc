package io.mediahooks.reliability.input;

import io.mediahooks.bench.cluster.ServiceProcess;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.reliability.ScenarioResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The malformed-input scenario's verdict, its row of the results table, and the corpus table of its directory. */
final class InputReport {

    /** The log line each service writes per rejected record, by what is counted. */
    private static final Map<String, String[]> LOG_LINES = Map.of(
            "router rejected subscriptions", new String[] {"router", "Rejected Subscription record"},
            "router rejected secrets", new String[] {"router", "Rejected Secrets of organization record"},
            "worker view rejected subscriptions", new String[] {"worker", "Skipped invalid record %s-"},
            "worker view rejected secrets", new String[] {"worker", "Skipped invalid record %s-"},
            "worker skipped deliveries", new String[] {"worker", "Skipped invalid delivery record %s-"},
            "worker skipped retries", new String[] {"worker", "Skipped invalid delivery record %s-"});

    private InputReport() {
    }

    static ScenarioResult result(String name, TopicNames names, Corpus corpus, Interleaving.Published published,
                                 InputChecks.State state, InputChecks checks, ServiceProcess router, ServiceProcess worker,
                                 Recording.Snapshot seen, Duration took) {
        List<String> failures = new ArrayList<>();
        for (ServiceProcess service : List.of(router, worker)) {
            if (!service.process().isAlive()) {
                failures.add(service.process().name() + " died: " + service.process().logTail(5).replace('\n', ' '));
            } else if (!service.ready()) {
                failures.add(service.process().name() + " is alive but not ready");
            }
        }
        if (state.delivered() < state.expectedDelivered()) {
            failures.add((state.expectedDelivered() - state.delivered()) + " valid deliveries never arrived");
        }
        if (state.invalidFound() < state.invalidExpected()) {
            failures.add((state.invalidExpected() - state.invalidFound()) + " bad media events are not in media-events-invalid");
        }
        if (state.invalidWithoutReason() > 0) {
            failures.add(state.invalidWithoutReason() + " records of media-events-invalid have no reason");
        }
        if (checks.validSetAside() > 0) {
            failures.add(checks.validSetAside() + " valid events were set aside as invalid");
        }
        state.expectedCounters().forEach((counter, expected) -> {
            long actual = state.counters().getOrDefault(counter, 0L);
            if (actual != expected) {
                failures.add(counter + ": counted " + actual + ", expected " + expected);
            }
        });
        Map<String, Long> logged = loggedLines(names, router, worker);
        state.expectedCounters().forEach((counter, expected) -> {
            if (logged.get(counter) < expected) {
                failures.add(counter + ": " + logged.get(counter) + " log lines for " + expected + " records");
            }
        });
        long trapped = seen.label("trap").requests();
        if (trapped > 0) {
            failures.add(trapped + " requests reached the trap endpoint: a bad webhook record was applied");
        }
        if (seen.signaturesBad() > 0) {
            failures.add(seen.signaturesBad() + " deliveries did not verify with the organization's secret: a bad secrets record was applied");
        }
        Map<String, String> counted = new LinkedHashMap<>();
        counted.put("bad records", String.format("%,d generated, %,d taken by the broker, %,d refused by it (%s)",
                corpus.records().size(), published.accepted().size(), published.refused().size(),
                published.refused().values().stream().distinct().collect(Collectors.joining(", "))));
        counted.put("by topic", byTopic(published));
        counted.put("by damage", byDamage(published));
        counted.put("valid records", String.format("%,d events and %,d deliveries and retries; %,d of %,d deliveries arrived, "
                        + "%,d signatures checked, %,d bad; %,d requests at the trap endpoint", published.validEvents(),
                published.validDeliveries(), state.delivered(), state.expectedDelivered(), seen.signaturesChecked(),
                seen.signaturesBad(), trapped));
        counted.put("media-events-invalid", String.format("%,d of %,d bad media events, each with a reason; %,d valid ones",
                state.invalidFound(), state.invalidExpected(), checks.validSetAside()));
        counted.put("counters (expected)", state.counters().entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue() + " (" + state.expectedCounters().get(entry.getKey()) + ")")
                .collect(Collectors.joining(", ")));
        counted.put("processes", router.process().name() + " and " + worker.process().name()
                + (failures.stream().anyMatch(failure -> failure.contains("died") || failure.contains("not ready"))
                ? " NOT all alive and ready" : " alive and ready at the end"));
        String done = String.format("%,d bad records (truncated, bit flips, invalid UTF-8, wrong types, missing and duplicated "
                        + "fields, invalid values, keys that are not ids, null keys and values, 10,000-deep nesting, 1 MB and 2 MB "
                        + "values) shuffled among %,d valid events and %,d valid deliveries and retries on media-events, "
                        + "webhook-subscriptions, webhook-secrets, webhook-deliveries and webhook-retry-5s; router and worker jars, "
                        + "topics at Kafka's default 1 MiB limit", corpus.records().size(), published.validEvents(),
                published.validDeliveries());
        String verdict = failures.isEmpty()
                ? "no crash, no stall; every valid record delivered and signed with the secret in force; every bad media "
                        + "event set aside with a reason; every bad table, delivery and retry record logged and counted, "
                        + "none applied"
                : String.join("; ", failures);
        return new ScenarioResult(name, done, counted, failures.isEmpty(), verdict, took);
    }

    private static Map<String, Long> loggedLines(TopicNames names, ServiceProcess router, ServiceProcess worker) {
        var topics = Map.of("worker view rejected subscriptions", InputTopic.SUBSCRIPTIONS, "worker view rejected secrets",
                InputTopic.SECRETS, "worker skipped deliveries", InputTopic.DELIVERIES, "worker skipped retries", InputTopic.RETRIES);
        String routerLog = router.process().log();
        String workerLog = worker.process().log();
        Map<String, Long> logged = new TreeMap<>();
        LOG_LINES.forEach((counter, line) -> {
            String log = line[0].equals("router") ? routerLog : workerLog;
            String fragment = topics.containsKey(counter) ? line[1].formatted(topics.get(counter).nameIn(names)) : line[1];
            logged.put(counter, log.lines().filter(each -> each.contains(fragment)).count());
        });
        return logged;
    }

    private static String byTopic(Interleaving.Published published) {
        Map<InputTopic, Long> counts = new EnumMap<>(InputTopic.class);
        published.accepted().forEach(bad -> counts.merge(bad.topic(), 1L, Long::sum));
        return counts.entrySet().stream().map(entry -> entry.getKey().label() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String byDamage(Interleaving.Published published) {
        Map<Damage, Long> counts = new EnumMap<>(Damage.class);
        published.accepted().forEach(bad -> counts.merge(bad.damage(), 1L, Long::sum));
        published.refused().keySet().forEach(bad -> counts.merge(bad.damage(), 1L, Long::sum));
        return counts.entrySet().stream().map(entry -> entry.getKey().label() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Every bad record's kind by topic, and the reasons media-events-invalid gave, as Markdown. */
    static String corpusTable(Corpus corpus, Interleaving.Published published, InputChecks checks) {
        StringBuilder out = new StringBuilder("# malformed-input: the corpus\n\n| topic | damage | variant | records | outcome |\n|---|---|---|---|---|\n");
        Map<String, List<BadRecord>> groups = new TreeMap<>();
        corpus.records().forEach(bad -> groups.computeIfAbsent(bad.topic().label() + "|" + bad.damage().label() + "|"
                + bad.variant(), any -> new ArrayList<>()).add(bad));
        Map<String, String> reasons = checks.invalidReasons();
        groups.forEach((group, records) -> {
            BadRecord first = records.get(0);
            String outcome = published.refused().containsKey(first) ? "refused by the broker: " + published.refused().get(first)
                    : first.topic() == InputTopic.MEDIA_EVENTS ? "set aside: " + reasons.getOrDefault(first.id(), "NOT FOUND")
                    : "rejected (see the counters)";
            out.append("| ").append(group.replace("|", " | ")).append(" | ").append(records.size()).append(" | ")
                    .append(outcome.replace("|", "\\|")).append(" |\n");
        });
        return out.toString();
    }
}
