package io.mediahooks.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.reliability.ItContexts;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.reliability.logs.SecretsInLogsScenario;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The malformed-input scenario, reduced (one round of the corpus: about 200 bad records among 40
 * events and 20 deliveries and retries), on the packaged jars; then the scan of its logs.
 */
class MalformedInputIT {

    @Test
    void badRecordsCrashNothingAreAllAccountedForAndEveryValidRecordIsDelivered() throws Exception {
        SuiteContext context = ItContexts.context();
        Files.createDirectories(context.scenarioDir(MalformedInputScenario.NAME));
        MalformedInputScenario scenario = new MalformedInputScenario(
                new MalformedInputScenario.Size(3, 1, 40, 10, Duration.ofMinutes(3)));

        ScenarioResult result = scenario.run(context);

        assertThat(result.passed()).as(result.verdict() + "\n" + result.counted()).isTrue();
        assertThat(result.counted().get("bad records")).contains("refused by it");
        ScenarioResult scan = new SecretsInLogsScenario().run(context);
        assertThat(scan.passed()).as(scan.verdict()).isTrue();
    }
}
