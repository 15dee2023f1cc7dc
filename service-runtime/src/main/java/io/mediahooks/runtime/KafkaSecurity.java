package io.mediahooks.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * How every Kafka client of a process reaches the brokers: TLS, and a SASL login (SCRAM) with a
 * user name and password. Operators set these first-class settings; they become the clients'
 * properties, the JAAS line included. Empty settings leave Kafka's defaults (PLAINTEXT), and the
 * {@code MEDIAHOOKS_KAFKA_*} pass-through stays open for anything else (mutual TLS, OAUTHBEARER).
 *
 * <p>Passwords are held as Kafka's {@link Password}, whose {@code toString()} is {@code [hidden]}:
 * neither this record nor a client configuration map shows them when printed.
 */
public record KafkaSecurity(
        Optional<SecurityProtocol> protocol,
        String saslMechanism,
        Optional<String> username,
        Optional<Password> password,
        Optional<Path> trustStore,
        Optional<Password> trustStorePassword,
        String trustStoreType) {

    private static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "PLAIN");
    private static final List<String> TRUST_STORE_TYPES = List.of("PKCS12", "JKS", "PEM");
    private static final Set<SecurityProtocol> WITH_SASL = Set.of(SecurityProtocol.SASL_SSL, SecurityProtocol.SASL_PLAINTEXT);
    private static final Set<SecurityProtocol> WITH_TLS = Set.of(SecurityProtocol.SASL_SSL, SecurityProtocol.SSL);

    public static final Setting<Optional<SecurityProtocol>> SECURITY_PROTOCOL = Setting.of("KAFKA_SECURITY_PROTOCOL", "",
            "How the clients talk to Kafka: SASL_SSL (TLS and a SASL login: production), SSL, SASL_PLAINTEXT or PLAINTEXT; "
                    + "empty is Kafka's default, PLAINTEXT.", Parsers.optional(KafkaSecurity::securityProtocol));
    public static final Setting<String> SASL_MECHANISM = Setting.of("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "How KAFKA_SASL_USERNAME logs in: SCRAM-SHA-512, SCRAM-SHA-256 or PLAIN.", KafkaSecurity::mechanism);
    public static final Setting<Optional<String>> SASL_USERNAME = Setting.of("KAFKA_SASL_USERNAME", "",
            "SASL user of every Kafka client of the process; needs KAFKA_SECURITY_PROTOCOL=SASL_SSL (or SASL_PLAINTEXT).",
            Parsers.optional(text -> text));
    public static final Setting<Optional<Password>> SASL_PASSWORD = Setting.of("KAFKA_SASL_PASSWORD", "",
            "Password of KAFKA_SASL_USERNAME, from a secret store (never logged; surrounding whitespace is ignored).",
            Parsers.optional(Password::new));
    public static final Setting<Optional<Path>> SASL_PASSWORD_FILE = Setting.of("KAFKA_SASL_PASSWORD_FILE", "",
            "A file holding the password instead of KAFKA_SASL_PASSWORD, e.g. a mounted Secret (surrounding whitespace is ignored).",
            Parsers.optional(Path::of));
    public static final Setting<Optional<Path>> SSL_TRUSTSTORE_LOCATION = Setting.of("KAFKA_SSL_TRUSTSTORE_LOCATION", "",
            "Trust store holding the CA that signed the brokers' certificates; empty trusts the JVM's CAs. Checked at start-up.",
            Parsers.optional(Path::of));
    public static final Setting<Optional<Password>> SSL_TRUSTSTORE_PASSWORD = Setting.of("KAFKA_SSL_TRUSTSTORE_PASSWORD", "",
            "Password of KAFKA_SSL_TRUSTSTORE_LOCATION (PKCS12 or JKS; never logged); empty for PEM.",
            Parsers.optional(Password::new));
    public static final Setting<String> SSL_TRUSTSTORE_TYPE = Setting.of("KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
            "Format of KAFKA_SSL_TRUSTSTORE_LOCATION: PKCS12, JKS or PEM (CA certificates in a text file).",
            KafkaSecurity::trustStoreFormat);

    /** Every security setting, in the order the README lists them. */
    public static final List<Setting<?>> SETTINGS = List.of(SECURITY_PROTOCOL, SASL_MECHANISM, SASL_USERNAME, SASL_PASSWORD,
            SASL_PASSWORD_FILE, SSL_TRUSTSTORE_LOCATION, SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE);

    /** The setting behind each client property this record sets: a pass-through of the same property is a conflict. */
    private static final Map<String, Setting<?>> OWNERS = Map.of(
            CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SECURITY_PROTOCOL,
            SaslConfigs.SASL_MECHANISM, SASL_MECHANISM,
            SaslConfigs.SASL_JAAS_CONFIG, SASL_USERNAME,
            SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, SSL_TRUSTSTORE_LOCATION,
            SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, SSL_TRUSTSTORE_PASSWORD,
            SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, SSL_TRUSTSTORE_TYPE);

    /**
     * Reads and checks the security settings; {@code passThrough} are the {@code MEDIAHOOKS_KAFKA_*}
     * client properties, which must not set a property these settings set.
     *
     * @throws ConfigException naming the setting that is missing, malformed or at odds with another
     */
    public static KafkaSecurity from(Environment env, Map<String, Object> passThrough) {
        KafkaSecurity security = new KafkaSecurity(env.get(SECURITY_PROTOCOL), env.get(SASL_MECHANISM), env.get(SASL_USERNAME),
                password(env), env.get(SSL_TRUSTSTORE_LOCATION), env.get(SSL_TRUSTSTORE_PASSWORD), env.get(SSL_TRUSTSTORE_TYPE));
        security.validate(passThrough);
        return security;
    }

    /** The Kafka client properties these settings make; passwords as {@link Password}. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        protocol.ifPresent(value -> properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, value.name));
        username.ifPresent(user -> {
            properties.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            properties.put(SaslConfigs.SASL_JAAS_CONFIG, new Password(JaasLine.of(saslMechanism, user, password.orElseThrow().value())));
        });
        trustStore.ifPresent(path -> {
            properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, path.toString());
            properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, trustStoreType);
            trustStorePassword.ifPresent(secret -> properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, secret));
        });
        return properties;
    }

    /**
     * The variables that turn every security setting off, so a process Kafka runs inside (the local
     * run's embedded broker, PLAINTEXT) is not reached with credentials meant for another cluster.
     */
    public static Map<String, String> plaintextVariables() {
        Map<String, String> variables = new HashMap<>();
        for (Setting<?> setting : SETTINGS) {
            if (setting.defaultValue().orElseThrow().isEmpty()) {
                variables.put(setting.key(), "");
            }
        }
        return variables;
    }

    /** How the clients talk to the brokers: the setting, else a pass-through's, else PLAINTEXT. */
    SecurityProtocol effectiveProtocol(Map<String, Object> passThrough) {
        return protocol.orElseGet(() -> {
            Object passed = passThrough.get(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
            if (passed == null) {
                return SecurityProtocol.PLAINTEXT;
            }
            try {
                return securityProtocol(passed.toString());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(Environment.KAFKA_PASSTHROUGH_PREFIX + "SECURITY_PROTOCOL is invalid: " + e.getMessage(), e);
            }
        });
    }

    private void validate(Map<String, Object> passThrough) {
        SecurityProtocol effective = effectiveProtocol(passThrough);
        String shown = protocol.isPresent() ? SECURITY_PROTOCOL.key() + "=" + effective.name
                : passThrough.containsKey(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG)
                ? Environment.KAFKA_PASSTHROUGH_PREFIX + "SECURITY_PROTOCOL=" + effective.name
                : SECURITY_PROTOCOL.key() + " (empty, so " + effective.name + ")";
        if (username.isPresent() && password.isEmpty()) {
            throw new ConfigException(SASL_USERNAME.key() + " is set but neither " + SASL_PASSWORD.key() + " nor "
                    + SASL_PASSWORD_FILE.key() + " is");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new ConfigException("a SASL password is set but " + SASL_USERNAME.key() + " is not");
        }
        if (username.isPresent() && !WITH_SASL.contains(effective)) {
            throw new ConfigException(SASL_USERNAME.key() + " is set but " + shown + " sends no SASL login: use SASL_SSL");
        }
        // A protocol given through the pass-through is left to whoever set it up that way (OAUTHBEARER, say).
        if (protocol.filter(WITH_SASL::contains).isPresent() && username.isEmpty()
                && !passThrough.containsKey(SaslConfigs.SASL_JAAS_CONFIG)) {
            throw new ConfigException(shown + " needs " + SASL_USERNAME.key() + " and " + SASL_PASSWORD.key() + " (or "
                    + SASL_PASSWORD_FILE.key() + ")");
        }
        if (trustStorePassword.isPresent() && trustStore.isEmpty()) {
            throw new ConfigException(SSL_TRUSTSTORE_PASSWORD.key() + " is set but " + SSL_TRUSTSTORE_LOCATION.key() + " is not");
        }
        if (trustStore.isPresent() && !WITH_TLS.contains(effective)) {
            throw new ConfigException(SSL_TRUSTSTORE_LOCATION.key() + " is set but " + shown + " does not use TLS: use SASL_SSL");
        }
        trustStore.ifPresent(path -> TrustStoreCheck.check(path, trustStoreType, trustStorePassword));
        rejectConflicts(passThrough);
    }

    private void rejectConflicts(Map<String, Object> passThrough) {
        for (String property : clientProperties().keySet()) {
            if (passThrough.containsKey(property)) {
                String variable = Environment.KAFKA_PASSTHROUGH_PREFIX + property.toUpperCase(Locale.ROOT).replace('.', '_');
                throw new ConfigException(variable + " and " + OWNERS.get(property).key() + " both set " + property
                        + ": keep only " + OWNERS.get(property).key());
            }
        }
    }

    private static Optional<Password> password(Environment env) {
        Optional<Password> inline = env.get(SASL_PASSWORD);
        Optional<Path> file = env.get(SASL_PASSWORD_FILE);
        if (inline.isPresent() && file.isPresent()) {
            throw new ConfigException("set " + SASL_PASSWORD.key() + " or " + SASL_PASSWORD_FILE.key() + ", not both");
        }
        return file.isPresent() ? Optional.of(readPassword(file.get())) : inline;
    }

    private static Password readPassword(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(SASL_PASSWORD_FILE.key() + "='" + file + "' cannot be read: " + e, e);
        }
        if (text.isEmpty()) {
            throw new ConfigException(SASL_PASSWORD_FILE.key() + "='" + file + "' is empty");
        }
        return new Password(text);
    }

    private static SecurityProtocol securityProtocol(String text) {
        String name = text.toUpperCase(Locale.ROOT);
        if (!SecurityProtocol.names().contains(name)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", SecurityProtocol.names()) + ", got '" + text + "'");
        }
        return SecurityProtocol.forName(name);
    }

    private static String mechanism(String text) {
        return oneOf(MECHANISMS, text);
    }

    private static String trustStoreFormat(String text) {
        return oneOf(TRUST_STORE_TYPES, text);
    }

    private static String oneOf(List<String> allowed, String text) {
        String value = text.toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("expected one of " + String.join(", ", allowed) + ", got '" + text + "'");
        }
        return value;
    }
}
