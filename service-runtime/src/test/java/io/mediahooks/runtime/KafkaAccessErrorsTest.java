package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;
import org.junit.jupiter.api.Test;

class KafkaAccessErrorsTest {

    private static final String PASSWORD = "do-not-print-me";
    private final KafkaAccessErrors errors = CommonConfig.from(new Environment(Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_USERNAME", "mediahooks",
            "KAFKA_SASL_PASSWORD", PASSWORD))).accessErrors();

    @Test
    void refusedLoginNamesTheUserAndTheSettingsButNotThePassword() {
        ConfigException error = errors.explain(new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"))
                .orElseThrow();
        assertThat(error.getMessage())
                .startsWith("Kafka at kafka-1:9093 refused the SASL login of user 'mediahooks' (KAFKA_SASL_USERNAME) with "
                        + "SCRAM-SHA-512 (KAFKA_SASL_MECHANISM): check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (or "
                        + "KAFKA_SASL_PASSWORD_FILE)")
                .contains("invalid credentials")
                .doesNotContain(PASSWORD);
    }

    @Test
    void untrustedCertificateNamesTheTrustStore() {
        SslAuthenticationException refused = new SslAuthenticationException("SSL handshake failed",
                new SSLHandshakeException("PKIX path building failed: unable to find valid certification path"));
        assertThat(errors.explain(refused).orElseThrow().getMessage())
                .startsWith("Kafka at kafka-1:9093: the TLS handshake failed (PKIX path building failed")
                .contains("KAFKA_SSL_TRUSTSTORE_LOCATION is empty", "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void refusalsAreFoundBehindTheExceptionsThatCarryThem() {
        Throwable wrapped = new ExecutionException(new KafkaException("call failed", new SaslAuthenticationException("no")));
        assertThat(errors.explain(wrapped)).get().extracting(Throwable::getMessage).asString().contains("KAFKA_SASL_PASSWORD");
    }

    @Test
    void unsupportedMechanismAndMissingAclsSaySo() {
        assertThat(errors.explain(new UnsupportedSaslMechanismException("Unsupported SASL mechanism SCRAM-SHA-512")))
                .get().extracting(Throwable::getMessage).asString()
                .startsWith("Kafka at kafka-1:9093 does not accept KAFKA_SASL_MECHANISM=SCRAM-SHA-512 on this listener");
        assertThat(errors.explain(new TopicAuthorizationException("Not authorized to access topics: [media-events]")))
                .get().extracting(Throwable::getMessage).asString()
                .startsWith("Kafka at kafka-1:9093 denied user 'mediahooks' (KAFKA_SASL_USERNAME) an operation: "
                        + "Not authorized to access topics: [media-events]");
    }

    @Test
    void otherFailuresAreNotAccessProblems() {
        assertThat(errors.explain(new TimeoutException("Timed out waiting for a node assignment"))).isEqualTo(Optional.empty());
        assertThat(errors.unreachableHint())
                .isEqualTo("is Kafka reachable at kafka-1:9093 (KAFKA_BOOTSTRAP_SERVERS), and does KAFKA_SECURITY_PROTOCOL=SASL_SSL "
                        + "match that listener?");
    }
}
