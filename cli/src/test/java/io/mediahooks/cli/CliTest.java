package io.mediahooks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it, before any Kafka is involved (the Kafka address is a closed port). */
class CliTest {

    private final CliHarness cli = CliHarness.withoutKafka(Instant.parse("2026-11-27T12:00:00Z"));

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{}, {"local"}, {"webhook", "put"}, {"webhook", "delete"}, {"secret", "set"},
                {"secret", "rotate"}, {"event", "publish"}, {"attempts", "tail"}, {"dead-letters", "list"},
                {"dead-letters", "replay"}, {"topics", "create"}}) {
            String[] args = Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";

            CliHarness.Result result = cli.run(args);

            assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(result.out()).startsWith("Usage: mediahooks");
        }
    }

    @Test
    void unknownCommandsAndMissingSubcommandsAreUsageErrors() {
        assertThat(cli.run("webhooks", "put").exitCode()).isEqualTo(2);
        CliHarness.Result missing = cli.run("secret");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required subcommand");
    }

    @Test
    void invalidInputIsRefusedBeforeKafkaIsContacted() {
        CliHarness.Result put = cli.run("webhook", "put", "--id", "wh_1", "--org", "org_42", "--url", "https://h.example.com",
                "--events", "VIDEO_EXPLODED");
        CliHarness.Result flagsAndFile = cli.run("webhook", "put", "--id", "wh_1", "--file", "x.json");
        CliHarness.Result secret = cli.run("secret", "set", "--org", "org_42", "--value", "hunter2");
        CliHarness.Result overlap = cli.run("secret", "rotate", "--org", "org_42", "--overlap", "a while");
        CliHarness.Result missingFile = cli.run("event", "publish", "--file", "no-such-event.json");

        assertThat(put.exitCode()).isEqualTo(2);
        assertThat(put.err()).contains("error: --events: unknown event type 'VIDEO_EXPLODED'")
                .contains("Run 'mediahooks webhook put --help' for usage.");
        assertThat(flagsAndFile.err()).contains("either with --file or with flags");
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(secret.err()).contains("--value: not a valid secret: must start with whsec_").doesNotContain("hunter2");
        assertThat(overlap.err()).contains("--overlap: 'a while' is not a duration");
        assertThat(missingFile.err()).contains("--file: no-such-event.json does not exist");
    }

    @Test
    void badEnvironmentIsReportedByVariableName() {
        CliHarness.Result result = CliHarness.withoutKafka(Instant.EPOCH, Map.of("MEDIAHOOKS_RETRY_SCHEDULE", "5s,soon"))
                .run("topics", "create");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: MEDIAHOOKS_RETRY_SCHEDULE='5s,soon' is invalid");
    }
}
