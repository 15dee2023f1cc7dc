package io.mediahooks.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.SaslSslTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's commands against a broker they may reach only over TLS with a SCRAM login, the CA
 * given as a PEM file: topics are created, a secret set and an event published; a wrong password is
 * a usage error naming the setting.
 */
class SaslSslCommandsIT {

    private static final String USER = "operator";
    private static final String PASSWORD = "op\\er\"ator-" + UUID.randomUUID();
    private static SaslSslTestBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = SaslSslTestBroker.start(Path.of("target", "sasl-ssl-" + UUID.randomUUID()), Map.of(USER, PASSWORD));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void commandsCreateTopicsAndWriteRecordsOverSaslSsl() {
        CliHarness cli = CliHarness.with(environment(PASSWORD), Instant.parse("2026-12-03T12:00:00Z"));

        CliHarness.Result topics = cli.run("topics", "create");
        CliHarness.Result secret = cli.run("secret", "set", "--org", "org_secure");
        CliHarness.Result event = cli.run("event", "publish", "--type", "VIDEO_READY", "--org", "org_secure", "--id", "evt_1");

        assertThat(topics.exitCode()).as(topics.err()).isZero();
        assertThat(topics.out()).contains("created  media-events", "created  webhook-secrets (compacted)");
        assertThat(secret.exitCode()).as(secret.err()).isZero();
        assertThat(event.exitCode()).as(event.err()).isZero();
        assertThat(topics.out() + topics.err() + secret.err() + event.out() + event.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongPasswordIsAUsageErrorNamingTheSetting() {
        String wrong = "wrong-" + PASSWORD;
        CliHarness.Result result = CliHarness.with(environment(wrong), Instant.EPOCH).run("topics", "create");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Kafka at " + kafka.bootstrapServers() + " refused the SASL login of user '"
                + USER + "' (KAFKA_SASL_USERNAME)").contains("KAFKA_SASL_PASSWORD").doesNotContain(wrong);
    }

    private static Map<String, String> environment(String password) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_USERNAME", USER);
        env.put("KAFKA_SASL_PASSWORD", password);
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", kafka.tls().caPem().toString());
        env.put("MEDIAHOOKS_TOPIC_PARTITIONS", "1");
        env.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s");
        env.putAll(TestSecretsKeys.environment());
        return env;
    }
}
