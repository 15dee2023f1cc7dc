package io.mediahooks.kafka.test;

import io.mediahooks.kafka.embedded.EmbeddedKafkaBroker;
import io.mediahooks.kafka.embedded.SaslSslListener;
import java.nio.file.Path;
import java.util.Map;

/**
 * A broker of a test's own whose clients must use TLS and a SCRAM-SHA-512 login: fresh TLS
 * material ({@link TestTls}) and a {@link SaslSslListener} for {@code users}. Unlike the shared
 * {@link KafkaTestBroker}, a test class starts and closes it itself.
 *
 * @param broker the broker (its PLAINTEXT listener is for the broker's own traffic, not for the clients under test)
 * @param tls    the CA the clients trust and the broker's certificate
 */
public record SaslSslTestBroker(EmbeddedKafkaBroker broker, TestTls tls) implements AutoCloseable {

    /** Makes TLS material in {@code dir} and starts the broker with {@code users} (name to password). */
    public static SaslSslTestBroker start(Path dir, Map<String, String> users) {
        TestTls tls = TestTls.create(dir);
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder()
                .saslSsl(new SaslSslListener(tls.keyStore(), tls.password(), users))
                .start();
        return new SaslSslTestBroker(broker, tls);
    }

    /** The SASL_SSL listener's address, the only one clients under test should use. */
    public String bootstrapServers() {
        return broker.saslSslBootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
    }
}
