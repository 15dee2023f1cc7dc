package io.mediahooks.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SecretsUsed;
import io.mediahooks.reliability.SuiteContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the ITs give a scenario: the {@code --quick} sizes, the jars the reactor packaged before
 * this module's integration tests, and {@code target/reliability-it/} for the logs.
 */
final class QuickSuite {

    private QuickSuite() {
    }

    /** Failsafe runs in {@code reliability/}: the repository is its parent. */
    static SuiteContext context(String scenario) throws IOException {
        Path repository = Path.of("").toAbsolutePath().getParent();
        Path output = Path.of("target", "reliability-it").toAbsolutePath();
        SuiteContext context = new SuiteContext(true, repository,
                repository.resolve("event-router/target/event-router.jar"),
                repository.resolve("delivery-worker/target/delivery-worker.jar"),
                repository.resolve("management-api/target/management-api.jar"), output, new SecretsUsed());
        assertThat(context.routerJar()).as("the router's jar, packaged by the reactor before this module's ITs").isRegularFile();
        assertThat(context.workerJar()).as("the worker's jar, packaged by the reactor before this module's ITs").isRegularFile();
        Files.createDirectories(context.scenarioDir(scenario));
        return context;
    }

    /** Prints the result (the ITs' figures end up in the build log) and asserts its verdict held. */
    static void assertPassed(ScenarioResult result) {
        System.out.printf("%s: %s; %s; %s%n", result.name(), result.passed() ? "passed" : "FAILED", result.verdict(),
                result.counted());
        assertThat(result.passed()).as("%s: %s %s", result.name(), result.verdict(), result.counted()).isTrue();
    }
}
