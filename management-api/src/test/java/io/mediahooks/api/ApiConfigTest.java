package io.mediahooks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiConfigTest {

    @Test
    void refusesToStartWithoutTheAdminTokenNamingIt() {
        assertThatThrownBy(() -> ApiConfig.from(new Environment(TestSecretsKeys.with(Map.of()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MEDIAHOOKS_ADMIN_TOKEN is required");
    }

    @Test
    void defaultsFollowTheContract() {
        ApiConfig config = ApiConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_ADMIN_TOKEN", "secret-token-for-test"))));
        assertThat(config.apiPort()).isEqualTo(8000);
        assertThat(config.urls().allowHttp()).isFalse();
        assertThat(config.urls().allowPrivateNetworks()).isFalse();
        assertThat(config.topics().names().apiKeys()).isEqualTo("webhook-api-keys");
        assertThat(config.toString()).doesNotContain("secret-token-for-test");
    }

    @Test
    void aBadValueIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ApiConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_ADMIN_TOKEN", "x", "MEDIAHOOKS_API_PORT", "70000")))))
                .hasMessageContaining("MEDIAHOOKS_API_PORT");
    }

    @Test
    void refusesToStartWithoutTheKeyRingOfSecretsNamingIt() {
        assertThatThrownBy(() -> ApiConfig.from(new Environment(Map.of("MEDIAHOOKS_ADMIN_TOKEN", "x"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MEDIAHOOKS_SECRETS_KEYS is required");
    }
}
