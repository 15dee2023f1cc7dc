package io.mediahooks.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Optional;
import org.apache.kafka.common.config.types.Password;

/**
 * Opens the Kafka trust store at start-up, so that a wrong path, type or password stops the
 * process with a message naming the setting, instead of a client that cannot be built (or, for a
 * store that opens but holds nothing, a TLS handshake that fails later).
 */
final class TrustStoreCheck {

    private static final String PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----";

    private TrustStoreCheck() {
    }

    static void check(Path location, String type, Optional<Password> password) {
        String where = KafkaSecurity.SSL_TRUSTSTORE_LOCATION.key() + "='" + location + "'";
        if (!Files.isRegularFile(location) || !Files.isReadable(location)) {
            throw new ConfigException(where + " is not a readable file");
        }
        if ("PEM".equals(type)) {
            checkPem(location, where, password);
        } else {
            checkKeyStore(location, type, where, password);
        }
    }

    private static void checkPem(Path location, String where, Optional<Password> password) {
        if (password.isPresent()) {
            throw new ConfigException(KafkaSecurity.SSL_TRUSTSTORE_PASSWORD.key() + " must be empty when "
                    + KafkaSecurity.SSL_TRUSTSTORE_TYPE.key() + "=PEM: a PEM trust store has no password");
        }
        try {
            if (!Files.readString(location, StandardCharsets.UTF_8).contains(PEM_CERTIFICATE)) {
                throw new ConfigException(where + " holds no PEM certificate (" + PEM_CERTIFICATE + "); is "
                        + KafkaSecurity.SSL_TRUSTSTORE_TYPE.key() + " right?");
            }
        } catch (IOException e) {
            throw new ConfigException(where + " cannot be read as PEM text: " + e, e);
        }
    }

    private static void checkKeyStore(Path location, String type, String where, Optional<Password> password) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(location)) {
            store = KeyStore.getInstance(type);
            store.load(in, password.map(secret -> secret.value().toCharArray()).orElse(null));
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new ConfigException(KafkaSecurity.SSL_TRUSTSTORE_PASSWORD.key() + " does not open " + where + " ("
                        + type + ")", e);
            }
            throw new ConfigException(where + " cannot be read as a " + type + " store ("
                    + KafkaSecurity.SSL_TRUSTSTORE_TYPE.key() + "): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(where + " cannot be read as a " + type + " store: " + e.getMessage(), e);
        }
        try {
            if (store.size() == 0) {
                throw new ConfigException(where + " holds no certificate" + (password.isEmpty()
                        ? " that opens without a password: set " + KafkaSecurity.SSL_TRUSTSTORE_PASSWORD.key() : ""));
            }
        } catch (GeneralSecurityException e) {
            throw new ConfigException(where + " cannot be read: " + e.getMessage(), e);
        }
    }
}
