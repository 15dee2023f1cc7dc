package io.mediahooks.kafka.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Throwaway TLS material for a test broker: a self-signed CA, and a certificate for {@code
 * localhost} and {@code 127.0.0.1} signed by it, written as a PKCS12 key store (for the broker), a
 * PKCS12 trust store and a PEM file of the CA (for the clients). Every call makes a new CA, so a
 * second one stands for "a CA the broker's certificate does not come from".
 *
 * <p>Needs BouncyCastle's {@code bcpkix} on the test classpath (an optional dependency of this module).
 */
public final class TestTls {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(2);

    private final Path keyStore;
    private final Path trustStore;
    private final Path caPem;
    private final String password;

    private TestTls(Path keyStore, Path trustStore, Path caPem, String password) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
        this.caPem = caPem;
        this.password = password;
    }

    /** Makes a CA and a broker certificate and writes {@code broker.p12}, {@code truststore.p12} and {@code ca.pem} into {@code dir}. */
    public static TestTls create(Path dir) {
        try {
            Files.createDirectories(dir);
            SecureRandom random = new SecureRandom();
            String password = HexFormat.of().formatHex(bytes(random, 12));
            KeyPair caKeys = keyPair();
            Instant now = Instant.now();
            X500Name caName = new X500Name("CN=mediahooks test CA " + HexFormat.of().formatHex(bytes(random, 4)));
            X509v3CertificateBuilder ca = builder(caName, caName, caKeys, now, random)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate caCertificate = sign(ca, caKeys.getPrivate());

            KeyPair brokerKeys = keyPair();
            X509v3CertificateBuilder broker = builder(caName, new X500Name("CN=localhost"), brokerKeys, now, random)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                            new GeneralName(GeneralName.dNSName, "localhost"),
                            new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate brokerCertificate = sign(broker, caKeys.getPrivate());

            KeyStore keys = emptyStore();
            keys.setKeyEntry("broker", brokerKeys.getPrivate(), password.toCharArray(),
                    new Certificate[] {brokerCertificate, caCertificate});
            KeyStore trust = emptyStore();
            trust.setCertificateEntry("ca", caCertificate);
            Path caPem = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(caCertificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            return new TestTls(write(keys, dir.resolve("broker.p12"), password), write(trust, dir.resolve("truststore.p12"), password),
                    caPem, password);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("could not make test TLS material", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write test TLS material to " + dir, e);
        }
    }

    /** The broker's PKCS12 key store: its key and certificate chain, password {@link #password()}. */
    public Path keyStore() {
        return keyStore;
    }

    /** A PKCS12 trust store holding the CA only, password {@link #password()}. */
    public Path trustStore() {
        return trustStore;
    }

    /** The CA certificate as PEM text (a trust store of type PEM, without a password). */
    public Path caPem() {
        return caPem;
    }

    /** The password of both stores (random). */
    public String password() {
        return password;
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Instant now, SecureRandom random)
            throws GeneralSecurityException, CertIOException {
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, random), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic())
                .addExtension(Extension.subjectKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static Path write(KeyStore store, Path file, String password) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
