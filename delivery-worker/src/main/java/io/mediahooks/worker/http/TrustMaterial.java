package io.mediahooks.worker.http;

import io.mediahooks.runtime.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates the worker trusts: the JVM's CAs, plus those of an optional trust store (a
 * private CA, or a test's self-signed certificate). Adding, not replacing, keeps public endpoints
 * working when a private CA is configured.
 */
public final class TrustMaterial {

    private TrustMaterial() {
    }

    /**
     * An SSL context trusting the JVM's CAs and those in {@code trustStore}.
     *
     * @throws ConfigException naming the setting when the trust store cannot be read
     */
    public static SSLContext sslContext(Optional<Path> trustStore, Optional<String> password, String settingKey) {
        try {
            X509TrustManager jvm = trustManager(null);
            X509TrustManager trusted = jvm;
            if (trustStore.isPresent()) {
                char[] secret = password.map(String::toCharArray).orElse(null);
                KeyStore extra = KeyStore.getInstance(trustStore.get().toFile(), secret);
                trusted = new EitherTrustManager(trustManager(extra), jvm);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trusted}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(settingKey + "='" + trustStore.map(Path::toString).orElse("") + "' cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return Arrays.stream(factory.getTrustManagers())
                .filter(X509TrustManager.class::isInstance)
                .map(X509TrustManager.class::cast)
                .findFirst()
                .orElseThrow(() -> new GeneralSecurityException("no X.509 trust manager available"));
    }

    /** Trusts a server chain that either trust manager accepts. */
    private static final class EitherTrustManager implements X509TrustManager {
        private final X509TrustManager first;
        private final X509TrustManager second;

        EitherTrustManager(X509TrustManager first, X509TrustManager second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            second.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notByFirst) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return Stream.concat(Arrays.stream(first.getAcceptedIssuers()), Arrays.stream(second.getAcceptedIssuers()))
                    .toArray(X509Certificate[]::new);
        }
    }
}
