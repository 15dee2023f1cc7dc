package io.mediahooks.reliability.logs;

import io.mediahooks.reliability.Scenario;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The last scenario of the suite: every file the run wrote under its output directory (every log of
 * every scenario, the results) is scanned for every secret value and API key the scenarios used,
 * in each form a log line could show it. Verdict: none found. Scenarios register what they use
 * with {@code context.secretsUsed().add(...)}; a run in which none did proves nothing and fails.
 */
public final class SecretsInLogsScenario implements Scenario {

    public static final String NAME = "secrets-in-logs";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Duration budget(SuiteContext context) {
        return Duration.ofMinutes(3);
    }

    @Override
    public ScenarioResult run(SuiteContext context) {
        Instant started = Instant.now();
        var values = context.secretsUsed().all();
        List<SecretScanner.Needle> needles = SecretScanner.needles(values);
        SecretScanner.Scan scan = SecretScanner.scan(context.outputDir(), needles);
        Map<String, String> counted = new LinkedHashMap<>();
        counted.put("secrets and keys looked for", values.size() + " values in " + needles.size()
                + " forms (as is; for whsec_ secrets also the base64 key and its hex)");
        counted.put("files scanned", String.format("%,d (%,d bytes)", scan.files(), scan.bytes()));
        counted.put("stored data skipped", scan.skippedDataDirectories().size() + " directories (Kafka log directories, RocksDB)");
        counted.put("found", Integer.toString(scan.findings().size()));
        boolean passed = !values.isEmpty() && scan.findings().isEmpty();
        String verdict;
        if (values.isEmpty()) {
            verdict = "no scenario of this run registered a secret: the scan proves nothing (run it after the others)";
        } else if (scan.findings().isEmpty()) {
            verdict = "0 secrets found in " + scan.files() + " files";
        } else {
            verdict = scan.findings().size() + " found: " + scan.findings().stream()
                    .map(finding -> finding.form() + " in " + context.outputDir().relativize(finding.file()))
                    .collect(Collectors.joining("; "));
        }
        String done = "scanned every file under " + context.repository().relativize(context.outputDir())
                + " for every secret value, API key and token the scenarios before it used";
        return new ScenarioResult(NAME, done, counted, passed, verdict, Duration.between(started, Instant.now()));
    }
}
