package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.crypto.SecretsKeyRing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing or malformed key ring stops start-up with a message naming the setting, never the key. */
class SecretsConfigTest {

    private static SecretsConfig from(Map<String, String> variables) {
        return SecretsConfig.from(new Environment(variables));
    }

    @Test
    void refusesToStartWithoutAKeyRingNamingTheSetting() {
        assertThatThrownBy(() -> from(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MEDIAHOOKS_SECRETS_KEYS is required")
                .hasMessageContaining("MEDIAHOOKS_SECRETS_KEYS_FILE");
    }

    @Test
    void aMalformedKeyIsRefusedWithoutEchoingIt() {
        String shortKey = "k1:" + "AAECAwQFBgcICQoLDA0ODw==";
        assertThatThrownBy(() -> from(Map.of("MEDIAHOOKS_SECRETS_KEYS", shortKey)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MEDIAHOOKS_SECRETS_KEYS is invalid: key k1 must be 32 bytes (AES-256), not 16");
        assertThatThrownBy(() -> from(Map.of("MEDIAHOOKS_SECRETS_KEYS", "k1:not*base64")))
                .hasMessageContaining("MEDIAHOOKS_SECRETS_KEYS is invalid").hasMessageNotContaining("not*base64");
    }

    @Test
    void theFirstKeyWritesAndEveryKeyReads() {
        SecretsConfig config = from(Map.of("MEDIAHOOKS_SECRETS_KEYS", TestSecretsKeys.K2 + "," + TestSecretsKeys.K1));
        SecretsKeyRing ring = config.atRest().keyRing().orElseThrow();
        assertThat(ring.primaryKeyId()).isEqualTo("test2");
        assertThat(ring.hasKey("test1")).isTrue();
        assertThat(config.atRest().acceptsPlaintext()).isFalse();
        assertThat(config.describe()).contains("test2").doesNotContain(TestSecretsKeys.K2.substring(6));
    }

    @Test
    void theKeyRingMayComeFromAFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("keys");
        Files.writeString(file, TestSecretsKeys.RING + "\n");
        SecretsConfig config = from(Map.of("MEDIAHOOKS_SECRETS_KEYS_FILE", file.toString()));
        assertThat(config.atRest().keyRing().orElseThrow().primaryKeyId()).isEqualTo("test1");

        assertThatThrownBy(() -> from(Map.of("MEDIAHOOKS_SECRETS_KEYS_FILE", folder.resolve("missing").toString())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("MEDIAHOOKS_SECRETS_KEYS_FILE=");
        assertThatThrownBy(() -> from(Map.of("MEDIAHOOKS_SECRETS_KEYS_FILE", file.toString(),
                "MEDIAHOOKS_SECRETS_KEYS", TestSecretsKeys.RING)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("are both set");
    }

    @Test
    void onlyTheDevelopmentSwitchRunsWithoutKeys() {
        SecretsConfig config = from(Map.of("MEDIAHOOKS_ALLOW_PLAINTEXT_SECRETS", "true"));
        assertThat(config.atRest().keyRing()).isEmpty();
        assertThat(config.atRest().acceptsPlaintext()).isTrue();
        assertThat(config.describe()).contains("PLAIN TEXT");
    }
}
