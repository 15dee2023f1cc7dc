package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerConfigTest {

    @Test
    void defaultsAreSafeAndMatchTheSpec() {
        WorkerConfig config = WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of())));

        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.urls().allowHttp()).isFalse();
        assertThat(config.urls().allowPrivateNetworks()).isFalse();
        assertThat(config.signatureHeader()).isEqualTo("X-FP-Webhook-Signature-Hmac-Sha-256");
        assertThat(config.groupId()).isEqualTo("mediahooks-delivery-worker");
        assertThat(config.common().retrySchedule().toString()).isEqualTo("5s,5m,30m,2h,5h,10h,10h");
        assertThat(config.trustStore()).isEmpty();
    }

    @Test
    void readsEveryWorkerKey() {
        WorkerConfig config = WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.ofEntries(
                Map.entry("MEDIAHOOKS_REQUEST_TIMEOUT", "3s"),
                Map.entry("MEDIAHOOKS_CONNECT_TIMEOUT", "500ms"),
                Map.entry("MEDIAHOOKS_ALLOW_HTTP", "true"),
                Map.entry("MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS", "yes"),
                Map.entry("MEDIAHOOKS_SIGNATURE_HEADER", "X-Signature"),
                Map.entry("MEDIAHOOKS_WORKER_GROUP_ID", "workers-eu"),
                Map.entry("MEDIAHOOKS_MAX_IN_FLIGHT", "100"),
                Map.entry("MEDIAHOOKS_ENDPOINT_CONCURRENCY", "4"),
                Map.entry("MEDIAHOOKS_ENDPOINT_QUEUE_LIMIT", "10"),
                Map.entry("MEDIAHOOKS_RESPONSE_BODY_LIMIT", "1024"),
                Map.entry("MEDIAHOOKS_RETRY_AFTER_MAX", "10m"),
                Map.entry("MEDIAHOOKS_SHUTDOWN_TIMEOUT", "5s"),
                Map.entry("MEDIAHOOKS_COMMIT_INTERVAL", "500ms")))));

        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.urls().allowHttp()).isTrue();
        assertThat(config.urls().allowPrivateNetworks()).isTrue();
        assertThat(config.signatureHeader()).isEqualTo("X-Signature");
        assertThat(config.groupId()).isEqualTo("workers-eu");
        assertThat(config.maxInFlight()).isEqualTo(100);
        assertThat(config.endpointConcurrency()).isEqualTo(4);
        assertThat(config.endpointQueueLimit()).isEqualTo(10);
        assertThat(config.responseBodyLimit()).isEqualTo(1024);
        assertThat(config.retryAfterMax()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aBadValueFailsNamingTheKey() {
        assertThatThrownBy(() -> WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_REQUEST_TIMEOUT", "fast")))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("MEDIAHOOKS_REQUEST_TIMEOUT='fast' is invalid");
        assertThatThrownBy(() -> WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_SIGNATURE_HEADER", "X Sig")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_SIGNATURE_HEADER");
        assertThatThrownBy(() -> WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_ALLOW_HTTP", "maybe")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_ALLOW_HTTP");
    }

    @Test
    void checksHowSettingsRelate() {
        assertThatThrownBy(() -> WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of(
                "MEDIAHOOKS_REQUEST_TIMEOUT", "2s", "MEDIAHOOKS_CONNECT_TIMEOUT", "5s")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_CONNECT_TIMEOUT");
        assertThatThrownBy(() -> WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of(
                "MEDIAHOOKS_MAX_IN_FLIGHT", "10", "MEDIAHOOKS_ENDPOINT_CONCURRENCY", "20")))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_ENDPOINT_CONCURRENCY");
    }

    @Test
    void aMissingTrustStoreFailsAtStartUp(@TempDir Path dir) {
        assertThatThrownBy(() -> WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of(
                "MEDIAHOOKS_TRUST_STORE", dir.resolve("absent.p12").toString())))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_TRUST_STORE");
    }

    @Test
    void neverPrintsTheTrustStorePassword(@TempDir Path dir) throws IOException {
        Path store = Files.writeString(dir.resolve("trust.p12"), "x");
        WorkerConfig config = WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of(
                "MEDIAHOOKS_TRUST_STORE", store.toString(), "MEDIAHOOKS_TRUST_STORE_PASSWORD", "hunter2"))));

        assertThat(config.trustStorePassword()).isEqualTo(Optional.of("hunter2"));
        assertThat(config.toString()).doesNotContain("hunter2");
    }

    @Test
    void everyDefaultParses() {
        for (Setting<?> setting : WorkerConfig.SETTINGS) {
            setting.defaultValue().ifPresent(value -> setting.parser().apply(value));
        }
    }

    @Test
    void settingsListTheCommonAndWorkerKeysOnce() {
        assertThat(WorkerConfig.SETTINGS).containsAll(CommonConfig.SETTINGS);
        assertThat(WorkerConfig.SETTINGS).extracting(Setting::key)
                .doesNotHaveDuplicates()
                .contains("MEDIAHOOKS_REQUEST_TIMEOUT", "MEDIAHOOKS_ALLOW_HTTP", "MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS",
                        "MEDIAHOOKS_SIGNATURE_HEADER", "MEDIAHOOKS_WORKER_GROUP_ID", "MEDIAHOOKS_TRUST_STORE")
                .allSatisfy(key -> assertThat(key).matches("(MEDIAHOOKS|KAFKA)_[A-Z_]+"));
        assertThat(WorkerConfig.SETTINGS).allSatisfy(setting -> assertThat(setting.doc()).isNotBlank());
    }

    @Test
    void refusesToStartWithoutTheKeyRingOfSecretsNamingIt() {
        assertThatThrownBy(() -> WorkerConfig.from(new Environment(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MEDIAHOOKS_SECRETS_KEYS is required");
        assertThat(WorkerConfig.from(new Environment(TestSecretsKeys.environment())).toString())
                .contains("key ring SecretsKeyRing[primary=test1").doesNotContain(TestSecretsKeys.RING.substring(6));
    }
}
