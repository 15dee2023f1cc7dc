package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaSecurityTest {

    private static final String PASSWORD = "s3cr\"et\\pa ss";

    @TempDir
    Path dir;

    @Test
    void withoutSettingsTheClientsKeepKafkasDefaults() {
        CommonConfig config = CommonConfig.from(new Environment(Map.of()));
        assertThat(config.kafkaClientConfig()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void saslSslSettingsBecomeEveryClientsProperties() throws Exception {
        Path trustStore = trustStore("truststore.p12", "trust-pw");
        Map<String, Object> client = config(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "KAFKA_SASL_USERNAME", "mediahooks",
                "KAFKA_SASL_PASSWORD", PASSWORD,
                "KAFKA_SSL_TRUSTSTORE_LOCATION", trustStore.toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw")).kafkaClientConfig();
        assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", trustStore.toString())
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", new Password("trust-pw"));
        AppConfigurationEntry login = login((Password) client.get("sasl.jaas.config"));
        assertThat(login.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(login.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
        assertThat(login.getOptions().get("username")).isEqualTo("mediahooks");
        assertThat(login.getOptions().get("password")).isEqualTo(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pa\"ss", "back\\slash", "\\\"", "ends with \\", "\"\"", "semi;colon = x", "// not a comment",
            "/* nor this */", "line\nbreak\r", "ünïcødé ✓", "\\\\\\\\", "tab\there", "\\n is not a line break"})
    void kafkasOwnParserReadsBackTheJaasLinesPassword(String password) throws Exception {
        AppConfigurationEntry login = login(new Password(JaasLine.of("SCRAM-SHA-256", "user \"x\"", password)));
        assertThat(login.getOptions().get("password")).isEqualTo(password);
        assertThat(login.getOptions().get("username")).isEqualTo("user \"x\"");
    }

    @Test
    void plainMechanismUsesThePlainLoginModule() throws Exception {
        assertThat(login(new Password(JaasLine.of("PLAIN", "u", "p"))).getLoginModuleName())
                .isEqualTo("org.apache.kafka.common.security.plain.PlainLoginModule");
    }

    @Test
    void passwordFileIsReadWithoutItsLineBreak() throws Exception {
        Path file = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        KafkaSecurity security = config(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "mediahooks",
                "KAFKA_SASL_PASSWORD_FILE", file.toString())).kafkaSecurity();
        assertThat(security.password()).contains(new Password(PASSWORD));
    }

    @Test
    void passwordsNeverShowWhenPrinted() throws Exception {
        Path trustStore = trustStore("truststore.p12", "trust-pw-42");
        CommonConfig config = config(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "mediahooks",
                "KAFKA_SASL_PASSWORD", PASSWORD, "KAFKA_SSL_TRUSTSTORE_LOCATION", trustStore.toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw-42"));
        assertThat(config.kafkaSecurity().toString()).doesNotContain("s3cr").doesNotContain("trust-pw-42").contains("mediahooks");
        assertThat(config.kafkaClientConfig().toString()).doesNotContain("s3cr").doesNotContain("trust-pw-42")
                .contains("sasl.jaas.config=[hidden]");
        assertThat(config.toString()).doesNotContain("s3cr").doesNotContain("trust-pw-42");
    }

    @Test
    void credentialsNeedEachOtherAndASaslProtocol() throws IOException {
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u"),
                "KAFKA_SASL_USERNAME is set but neither KAFKA_SASL_PASSWORD nor KAFKA_SASL_PASSWORD_FILE is");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_PASSWORD", "p"),
                "a SASL password is set but KAFKA_SASL_USERNAME is not");
        assertFails(Map.of("KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p"),
                "KAFKA_SASL_USERNAME is set but KAFKA_SECURITY_PROTOCOL (empty, so PLAINTEXT) sends no SASL login: use SASL_SSL");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                "KAFKA_SECURITY_PROTOCOL=SASL_SSL needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD (or KAFKA_SASL_PASSWORD_FILE)");
        Path file = Files.writeString(dir.resolve("password"), "p");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p",
                "KAFKA_SASL_PASSWORD_FILE", file.toString()), "set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u",
                "KAFKA_SASL_PASSWORD_FILE", dir.resolve("missing").toString()), "KAFKA_SASL_PASSWORD_FILE='" + dir.resolve("missing")
                + "' cannot be read");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u",
                "KAFKA_SASL_PASSWORD_FILE", empty.toString()), "KAFKA_SASL_PASSWORD_FILE='" + empty + "' is empty");
    }

    @Test
    void badValuesNameTheirSetting() {
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "TLS"),
                "KAFKA_SECURITY_PROTOCOL='TLS' is invalid: expected one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL, got 'TLS'");
        assertFails(Map.of("KAFKA_SASL_MECHANISM", "GSSAPI"),
                "KAFKA_SASL_MECHANISM='GSSAPI' is invalid: expected one of SCRAM-SHA-512, SCRAM-SHA-256, PLAIN, got 'GSSAPI'");
        assertFails(Map.of("KAFKA_SSL_TRUSTSTORE_TYPE", "P12"),
                "KAFKA_SSL_TRUSTSTORE_TYPE='P12' is invalid: expected one of PKCS12, JKS, PEM, got 'P12'");
    }

    @Test
    void trustStoreIsOpenedAtStartUp() throws Exception {
        Path store = trustStore("truststore.p12", "right");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "wrong"),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD does not open KAFKA_SSL_TRUSTSTORE_LOCATION='" + store + "' (PKCS12)");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", dir.resolve("none.p12").toString()),
                "KAFKA_SSL_TRUSTSTORE_LOCATION='" + dir.resolve("none.p12") + "' is not a readable file");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString()),
                "KAFKA_SSL_TRUSTSTORE_LOCATION='" + store + "' holds no certificate that opens without a password: set "
                        + "KAFKA_SSL_TRUSTSTORE_PASSWORD");
        Path emptyStore = emptyStore("empty.p12", "pw");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", emptyStore.toString(),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD", "pw"), "KAFKA_SSL_TRUSTSTORE_LOCATION='" + emptyStore + "' holds no certificate");
        assertFails(Map.of("KAFKA_SSL_TRUSTSTORE_LOCATION", store.toString(), "KAFKA_SSL_TRUSTSTORE_PASSWORD", "right"),
                "KAFKA_SSL_TRUSTSTORE_LOCATION is set but KAFKA_SECURITY_PROTOCOL (empty, so PLAINTEXT) does not use TLS: use SASL_SSL");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_PASSWORD", "right"),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD is set but KAFKA_SSL_TRUSTSTORE_LOCATION is not");
        Path text = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN CERTIFICATE-----\n");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_LOCATION", text.toString()),
                "KAFKA_SSL_TRUSTSTORE_LOCATION='" + text + "' cannot be read as a PKCS12 store (KAFKA_SSL_TRUSTSTORE_TYPE)");
    }

    @Test
    void pemTrustStoreNeedsACertificateAndNoPassword() throws IOException {
        Path notPem = Files.writeString(dir.resolve("ca.crt"), "not a certificate");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", notPem.toString()),
                "KAFKA_SSL_TRUSTSTORE_LOCATION='" + notPem + "' holds no PEM certificate");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", notPem.toString(), "KAFKA_SSL_TRUSTSTORE_PASSWORD", "x"),
                "KAFKA_SSL_TRUSTSTORE_PASSWORD must be empty when KAFKA_SSL_TRUSTSTORE_TYPE=PEM");
        Path pem = Files.writeString(dir.resolve("real.crt"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        assertThat(config(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "KAFKA_SSL_TRUSTSTORE_TYPE", "pem",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", pem.toString())).kafkaClientConfig())
                .containsEntry("ssl.truststore.type", "PEM").doesNotContainKey("ssl.truststore.password");
    }

    @Test
    void aPropertySetTwiceIsAConflictNamingBothVariables() {
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u", "KAFKA_SASL_PASSWORD", "p",
                "MEDIAHOOKS_KAFKA_SASL_JAAS_CONFIG", "x required;"),
                "MEDIAHOOKS_KAFKA_SASL_JAAS_CONFIG and KAFKA_SASL_USERNAME both set sasl.jaas.config: keep only KAFKA_SASL_USERNAME");
        assertFails(Map.of("KAFKA_SECURITY_PROTOCOL", "SSL", "MEDIAHOOKS_KAFKA_SECURITY_PROTOCOL", "SSL"),
                "MEDIAHOOKS_KAFKA_SECURITY_PROTOCOL and KAFKA_SECURITY_PROTOCOL both set security.protocol");
    }

    @Test
    void thePassThroughAloneStillWorks() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";";
        Map<String, Object> client = config(Map.of("MEDIAHOOKS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "MEDIAHOOKS_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "MEDIAHOOKS_KAFKA_SASL_JAAS_CONFIG", jaas)).kafkaClientConfig();
        assertThat(client).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", jaas);
    }

    @Test
    void plaintextVariablesTurnEverySecuritySettingOff() {
        Map<String, String> env = new HashMap<>(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_USERNAME", "u",
                "KAFKA_SASL_PASSWORD", "p", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-256"));
        env.putAll(KafkaSecurity.plaintextVariables());
        assertThat(config(env).kafkaClientConfig()).containsOnlyKeys("bootstrap.servers");
        assertThat(KafkaSecurity.plaintextVariables()).doesNotContainKeys("KAFKA_SASL_MECHANISM", "KAFKA_SSL_TRUSTSTORE_TYPE");
    }

    @Test
    void everySecuritySettingIsACommonSetting() {
        assertThat(CommonConfig.SETTINGS).containsAll(KafkaSecurity.SETTINGS);
    }

    private static CommonConfig config(Map<String, String> variables) {
        return CommonConfig.from(new Environment(variables));
    }

    private static void assertFails(Map<String, String> variables, String message) {
        assertThatThrownBy(() -> config(variables)).isInstanceOf(ConfigException.class).hasMessageStartingWith(message);
    }

    private static AppConfigurationEntry login(Password jaas) {
        return JaasContext.loadClientContext(Map.of("sasl.jaas.config", jaas)).configurationEntries().get(0);
    }

    /** A PKCS12 trust store holding one CA certificate borrowed from the JVM's own trust store. */
    private Path trustStore(String name, String password) throws IOException, GeneralSecurityException {
        KeyStore jvm = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(),
                "changeit".toCharArray());
        String alias = jvm.aliases().nextElement();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", jvm.getCertificate(alias));
        return write(store, name, password);
    }

    private Path emptyStore(String name, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return write(store, name, password);
    }

    private Path write(KeyStore store, String name, String password) throws IOException, GeneralSecurityException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore.getInstance("PKCS12").load(in, password.toCharArray());
        }
        return file;
    }
}
