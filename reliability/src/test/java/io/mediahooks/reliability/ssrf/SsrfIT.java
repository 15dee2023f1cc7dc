package io.mediahooks.reliability.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.reliability.ItContexts;
import io.mediahooks.reliability.ScenarioResult;
import io.mediahooks.reliability.SuiteContext;
import io.mediahooks.reliability.logs.SecretsInLogsScenario;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The ssrf scenario, reduced (two URL forms of each kind, through the API and past it), on the
 * packaged jars with the production defaults; then the scan of its logs for the admin token, the
 * API key, the signing secret and the trust store's password it used.
 */
class SsrfIT {

    @Test
    void noFormReachesTheForbiddenListenerAndEachIsRefusedWithItsReason() throws Exception {
        SuiteContext context = ItContexts.context();
        Files.createDirectories(context.scenarioDir(SsrfScenario.NAME));

        ScenarioResult result = new SsrfScenario(true).run(context);

        assertThat(result.passed()).as(result.verdict() + "\n" + result.counted()).isTrue();
        assertThat(result.counted().get("connections to the forbidden listener")).startsWith("0 ");
        ScenarioResult scan = new SecretsInLogsScenario().run(context);
        assertThat(scan.passed()).as(scan.verdict()).isTrue();
        assertThat(context.secretsUsed().all()).hasSize(4);
    }
}
