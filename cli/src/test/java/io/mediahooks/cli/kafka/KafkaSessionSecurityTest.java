package io.mediahooks.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.cli.CliException;
import io.mediahooks.cli.CliHarness;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

/** What the CLI says when Kafka's security settings are wrong or Kafka refuses them; no broker needed. */
class KafkaSessionSecurityTest {

    private static final String PASSWORD = "cli-secret-\"x\"";
    private final KafkaSession session = new KafkaSession(CommonConfig.from(new Environment(Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_USERNAME", "operator",
            "KAFKA_SASL_PASSWORD", PASSWORD))));

    @Test
    void aRefusedLoginNamesTheSettingsNotThePassword() {
        CompletableFuture<Void> refused = CompletableFuture.failedFuture(new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"));
        assertThatThrownBy(() -> session.await(refused, "list the topics"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Kafka at kafka-1:9093 refused the SASL login of user 'operator' (KAFKA_SASL_USERNAME)")
                .hasMessageContaining("KAFKA_SASL_PASSWORD")
                .message().doesNotContain(PASSWORD);
    }

    @Test
    void anUnansweredCallAsksWhetherTheProtocolMatchesTheListener() {
        assertThatThrownBy(() -> session.await(CompletableFuture.failedFuture(new TimeoutException("timed out")), "list the topics"))
                .isInstanceOf(CliException.class)
                .hasMessage("could not list the topics: Kafka did not answer within 15 s (is Kafka reachable at kafka-1:9093 "
                        + "(KAFKA_BOOTSTRAP_SERVERS), and does KAFKA_SECURITY_PROTOCOL=SASL_SSL match that listener?)");
    }

    @Test
    void incompleteSecuritySettingsAreAUsageErrorNamingThem() {
        CliHarness.Result result = CliHarness.withoutKafka(Instant.EPOCH, Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_USERNAME", "operator")).run("topics", "create");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: KAFKA_SASL_USERNAME is set but neither KAFKA_SASL_PASSWORD nor "
                + "KAFKA_SASL_PASSWORD_FILE is");
    }
}
