package io.mediahooks.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.kafka.test.SaslSslTestBroker;
import io.mediahooks.kafka.test.TestTls;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded broker's SASL_SSL listener: TLS with a generated CA, and SCRAM-SHA-512 logins of the users it was given only. */
class SaslSslListenerIT {

    private static final String USER = "alice";
    private static final String PASSWORD = "alice-s3cret";
    private static Path dir;
    private static SaslSslTestBroker kafka;

    @BeforeAll
    static void start() {
        dir = EmbeddedKafkaBroker.DEFAULT_TEST_DATA_ROOT.resolve("tls-" + UUID.randomUUID());
        kafka = SaslSslTestBroker.start(dir, Map.of(USER, PASSWORD));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aScramUserLogsInOverTlsAndIsAnsweredWithTheSecureListenerOnly() throws Exception {
        try (Admin admin = Admin.create(client(PASSWORD, kafka.tls().trustStore(), kafka.tls().password()))) {
            assertThat(admin.describeCluster().nodes().get()).extracting(Node::port)
                    .containsExactly(Integer.parseInt(kafka.bootstrapServers().split(":")[1]));
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Admin admin = Admin.create(client("not-" + PASSWORD, kafka.tls().trustStore(), kafka.tls().password()))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientThatDoesNotTrustTheBrokersCaIsRefused() {
        TestTls other = TestTls.create(dir.resolve("other"));
        try (Admin admin = Admin.create(client(PASSWORD, other.trustStore(), other.password()))) {
            assertThatThrownBy(() -> admin.describeCluster().nodes().get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SslAuthenticationException.class);
        }
    }

    private static Map<String, Object> client(String password, Path trustStore, String trustStorePassword) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", SaslSslListener.MECHANISM);
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + USER
                + "\" password=\"" + password + "\";");
        config.put("ssl.truststore.location", trustStore.toString());
        config.put("ssl.truststore.password", trustStorePassword);
        config.put("ssl.truststore.type", "PKCS12");
        return config;
    }
}
