package io.mediahooks.runtime;

import java.util.Optional;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnsupportedSaslMechanismException;

/**
 * Turns a Kafka client's refusal (TLS handshake, SASL login, missing ACL) into a message naming the
 * settings to check. Kafka fails such calls at once rather than retrying, so start-up stops with
 * this message instead of waiting out its timeout. No message holds a password.
 *
 * @param bootstrapServers where the clients connect, for the message
 * @param security         the settings the message names
 */
public record KafkaAccessErrors(String bootstrapServers, KafkaSecurity security) {

    /** The explanation of {@code failure} (or of its causes) when it is an access problem; empty otherwise. */
    public Optional<ConfigException> explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<String> message = describe(cause);
            if (message.isPresent()) {
                return Optional.of(new ConfigException(message.get(), failure));
            }
        }
        return Optional.empty();
    }

    /** What to check when Kafka does not answer at all: the address, and whether the protocol matches its listener. */
    public String unreachableHint() {
        return "is Kafka reachable at " + bootstrapServers + " (" + CommonConfig.KAFKA_BOOTSTRAP_SERVERS.key() + "), and does "
                + KafkaSecurity.SECURITY_PROTOCOL.key() + "=" + security.protocol().map(p -> p.name).orElse("(empty: PLAINTEXT)")
                + " match that listener?";
    }

    private Optional<String> describe(Throwable cause) {
        String kafka = "Kafka at " + bootstrapServers;
        if (cause instanceof SslAuthenticationException) {
            return Optional.of(kafka + ": the TLS handshake failed (" + rootMessage(cause) + "). The brokers' certificate must "
                    + "be signed by a CA in " + trustStoreShown() + " and name the host of "
                    + CommonConfig.KAFKA_BOOTSTRAP_SERVERS.key());
        }
        if (cause instanceof UnsupportedSaslMechanismException) {
            return Optional.of(kafka + " does not accept " + KafkaSecurity.SASL_MECHANISM.key() + "=" + security.saslMechanism()
                    + " on this listener: " + cause.getMessage());
        }
        if (cause instanceof SaslAuthenticationException) {
            return Optional.of(kafka + " refused the SASL login " + loginShown() + ": check " + KafkaSecurity.SASL_USERNAME.key()
                    + " and " + KafkaSecurity.SASL_PASSWORD.key() + " (or " + KafkaSecurity.SASL_PASSWORD_FILE.key()
                    + "), and that the user exists for " + security.saslMechanism() + " on the cluster. Kafka said: "
                    + cause.getMessage());
        }
        if (cause instanceof AuthenticationException) {
            return Optional.of(kafka + " refused the connection " + loginShown() + ": " + rootMessage(cause));
        }
        if (cause instanceof AuthorizationException) {
            return Optional.of(kafka + " denied " + security.username().map(user -> "user '" + user + "'").orElse("this client")
                    + " (" + KafkaSecurity.SASL_USERNAME.key() + ") an operation: " + cause.getMessage()
                    + ". Grant its ACLs (see the README's Kafka security section)");
        }
        return Optional.empty();
    }

    private String loginShown() {
        return security.username()
                .map(user -> "of user '" + user + "' (" + KafkaSecurity.SASL_USERNAME.key() + ") with " + security.saslMechanism()
                        + " (" + KafkaSecurity.SASL_MECHANISM.key() + ")")
                .orElse("(the login comes from " + Environment.KAFKA_PASSTHROUGH_PREFIX + "SASL_JAAS_CONFIG)");
    }

    private String trustStoreShown() {
        return security.trustStore()
                .map(path -> KafkaSecurity.SSL_TRUSTSTORE_LOCATION.key() + "=" + path)
                .orElse("the JVM's default trust store (" + KafkaSecurity.SSL_TRUSTSTORE_LOCATION.key() + " is empty)");
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
