package io.mediahooks.cli.listen;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListenCommandTest {

    private final CliHarness cli = CliHarness.withoutKafka(Instant.parse("2026-11-26T12:00:00Z"));

    @Test
    void aSecretIsRequired() {
        CliHarness.Result result = cli.run("listen", "--port", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--secret");
    }

    @Test
    void aMalformedSecretIsRefusedWithoutEchoingIt() {
        CliHarness.Result result = cli.run("listen", "--port", "0", "--secret", "whsec_short");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--secret: not a valid secret").doesNotContain("whsec_short");
    }

    @Test
    void badFailRateAndDelayNameTheirFlag() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

        assertThat(cli.run("listen", "--port", "0", "--secret", secret, "--fail-rate", "2").err()).contains("--fail-rate: expected");
        assertThat(cli.run("listen", "--port", "0", "--secret", secret, "--delay", "soon").err()).contains("--delay:");
    }
}
