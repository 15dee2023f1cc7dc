package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three URL settings build the one policy; defaults are production's, strict. */
class UrlPolicyConfigTest {

    private static UrlPolicyConfig from(Map<String, String> variables) {
        return UrlPolicyConfig.from(new Environment(variables));
    }

    @Test
    void defaultsRefuseHttpAndPrivateAddresses() {
        UrlPolicyConfig config = from(Map.of());

        assertThat(config.policy().refusal(URI.create("http://hooks.example.com/"))).isPresent();
        assertThat(config.policy().refusal(URI.create("https://10.0.0.1/"))).isPresent();
        assertThat(config.policy().refusal(URI.create("https://hooks.example.com/"))).isEmpty();
        assertThat(config.describe()).isEqualTo("webhook URLs: https only, no private networks");
    }

    @Test
    void localDevelopmentAllowsPlainHttpOnLoopback() {
        UrlPolicyConfig config = from(UrlPolicyConfig.localDevelopment());

        assertThat(config.policy().refusal(URI.create("http://127.0.0.1:8080/hook"))).isEmpty();
        assertThat(config.describe()).contains("http and https", "private networks ALLOWED");
    }

    @Test
    void allowedAddressesLetOnlyThoseThrough() {
        UrlPolicyConfig config = from(Map.of("MEDIAHOOKS_ALLOWED_ADDRESSES", "10.20.0.15/32"));

        assertThat(config.policy().refusal(URI.create("https://10.20.0.15/hook"))).isEmpty();
        assertThat(config.policy().refusal(URI.create("https://10.20.0.16/hook"))).isPresent();
        assertThat(config.describe()).contains("allowed addresses 10.20.0.15/32");
    }

    @Test
    void aBadValueIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> from(Map.of("MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS");
        assertThatThrownBy(() -> from(Map.of("MEDIAHOOKS_ALLOWED_ADDRESSES", "hooks.internal")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MEDIAHOOKS_ALLOWED_ADDRESSES");
    }
}
