package io.mediahooks.kafka.embedded;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.server.common.ApiMessageAndVersion;

/**
 * A {@code SASL_SSL} listener for the embedded broker: TLS with the certificate of a PKCS12 key
 * store, and SCRAM-SHA-512 logins for the given users. The PLAINTEXT listener stays, for the
 * broker's own (inter-broker) traffic; clients that are to be checked use only this one.
 *
 * <p>The users are written into the metadata when the storage is formatted, as {@code
 * kafka-storage format --add-scram} does, so they can log in as soon as the broker is up. Like
 * that tool, this only takes effect on a fresh data dir.
 *
 * @param keyStore         PKCS12 file with the broker's private key and certificate chain
 * @param keyStorePassword its password (also the key's)
 * @param users            SCRAM-SHA-512 user names and passwords
 */
public record SaslSslListener(Path keyStore, String keyStorePassword, Map<String, String> users) {

    /** The listener's name, and its security protocol. */
    public static final String NAME = "SASL_SSL";
    /** The only SASL mechanism the listener accepts. */
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final ScramMechanism SCRAM = ScramMechanism.SCRAM_SHA_512;
    private static final short RECORD_VERSION = 0;

    public SaslSslListener {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        users = Map.copyOf(users);
    }

    /** Adds the listener on {@code port} to {@code props}, which already hold the single-node listeners. */
    void addTo(Properties props, int port) {
        String address = NAME + "://localhost:" + port;
        props.put("listeners", props.getProperty("listeners") + "," + address);
        props.put("advertised.listeners", props.getProperty("advertised.listeners") + "," + address);
        props.put("listener.security.protocol.map", props.getProperty("listener.security.protocol.map") + "," + NAME + ":" + NAME);
        props.put("sasl.enabled.mechanisms", MECHANISM);
        String prefix = "listener.name." + NAME.toLowerCase(Locale.ROOT) + ".";
        // The server side of SCRAM needs a login module but no options: the credentials are in the metadata.
        props.put(prefix + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put(prefix + "ssl.keystore.type", "PKCS12");
        props.put(prefix + "ssl.keystore.location", keyStore.toAbsolutePath().toString());
        props.put(prefix + "ssl.keystore.password", keyStorePassword);
        props.put(prefix + "ssl.key.password", keyStorePassword);
    }

    /** The users' SCRAM credentials as metadata records, for the storage formatter. */
    List<ApiMessageAndVersion> scramRecords() {
        ScramFormatter formatter;
        try {
            formatter = new ScramFormatter(SCRAM);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(MECHANISM + " is not available in this JVM", e);
        }
        return users.entrySet().stream().map(user -> {
            ScramCredential credential = formatter.generateCredential(user.getValue(), SCRAM.minIterations());
            UserScramCredentialRecord record = new UserScramCredentialRecord()
                    .setName(user.getKey())
                    .setMechanism(SCRAM.type())
                    .setSalt(credential.salt())
                    .setStoredKey(credential.storedKey())
                    .setServerKey(credential.serverKey())
                    .setIterations(credential.iterations());
            return new ApiMessageAndVersion(record, RECORD_VERSION);
        }).toList();
    }
}
