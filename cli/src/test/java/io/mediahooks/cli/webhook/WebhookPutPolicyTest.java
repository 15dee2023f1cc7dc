package io.mediahooks.cli.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code webhook put} refuses, before it talks to Kafka, a URL that the API, the router and the
 * workers would refuse: the same policy, built from the same settings. (The harness points at a
 * Kafka that is not there, so a command that got past the check would fail with exit code 1.)
 */
class WebhookPutPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/flow", "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1/", "https://[::1]/", "https://2130706433/"})
    void refusesWhatTheServicesWouldRejectAndWritesNothing(String url) {
        CliHarness.Result put = CliHarness.withoutKafka(NOW)
                .run("webhook", "put", "--id", "wh_1", "--org", "org_42", "--url", url, "--events", "ALL");

        assertThat(put.exitCode()).as(put.err()).isEqualTo(2);
        assertThat(put.err()).contains("url: ").contains("nothing written")
                .contains("MEDIAHOOKS_ALLOW_HTTP=true").doesNotContain("Exception");
    }
}
