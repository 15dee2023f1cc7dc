package io.mediahooks.reliability;

import java.nio.file.Path;

/**
 * What every scenario is given: the jars it runs as separate processes and where it writes its
 * logs and files.
 *
 * @param quick      a reduced run (a smoke test of the suite), not the figures of {@code RELIABILITY.md}
 * @param repository the repository's root
 * @param routerJar  {@code event-router/target/event-router.jar}
 * @param workerJar  {@code delivery-worker/target/delivery-worker.jar}
 * @param apiJar     {@code management-api/target/management-api.jar}
 * @param outputDir  this run's directory; each scenario writes under {@code outputDir/<name>/} (logs included)
 * @param secretsUsed every secret and API key the scenarios used, for the scan of their logs
 */
public record SuiteContext(boolean quick, Path repository, Path routerJar, Path workerJar, Path apiJar, Path outputDir,
                           SecretsUsed secretsUsed) {

    /** The directory of one scenario's files and logs, created by the caller. */
    public Path scenarioDir(String scenario) {
        return outputDir.resolve(scenario);
    }
}
