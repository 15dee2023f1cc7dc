package io.mediahooks.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.Setting;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class RouterConfigTest {

    @Test
    void defaultsAreThoseDocumented() {
        RouterConfig config = RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of())));

        assertThat(config.applicationId()).isEqualTo("mediahooks-router");
        assertThat(config.processingGuarantee()).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE_V2);
        assertThat(config.dedupWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.stateDir()).isEqualTo(Path.of(".mediahooks/router-state").toAbsolutePath());
        assertThat(config.common().bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void settingsListEveryKeyOnceCommonOnesIncluded() {
        assertThat(RouterConfig.SETTINGS).containsAll(CommonConfig.SETTINGS);
        assertThat(RouterConfig.SETTINGS.stream().map(Setting::key).collect(Collectors.toSet())).hasSameSizeAs(RouterConfig.SETTINGS);
        assertThat(RouterConfig.SETTINGS).allSatisfy(setting -> assertThat(setting.key()).matches("(MEDIAHOOKS|KAFKA)_[A-Z_]+"));
    }

    @Test
    void everyDefaultParses() {
        for (Setting<?> setting : RouterConfig.SETTINGS) {
            setting.defaultValue().ifPresent(value -> setting.parser().apply(value));
        }
    }

    @Test
    void badValueFailsNamingItsKey() {
        assertThatThrownBy(() -> RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_DEDUP_WINDOW", "1 day")))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("MEDIAHOOKS_DEDUP_WINDOW='1 day' is invalid");
        assertThatThrownBy(() -> RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_PROCESSING_GUARANTEE", "exactly_once")))))
                .hasMessageContaining("MEDIAHOOKS_PROCESSING_GUARANTEE").hasMessageContaining("exactly_once_v2, at_least_once");
        assertThatThrownBy(() -> RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_APPLICATION_ID", "my router")))))
                .hasMessageStartingWith("MEDIAHOOKS_APPLICATION_ID='my router' is invalid");
        assertThatThrownBy(() -> RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_ROUTER_THREADS", "0")))))
                .hasMessageStartingWith("MEDIAHOOKS_ROUTER_THREADS='0' is invalid");
    }

    @Test
    void passThroughMayNotOverrideWhatTheRouterSets() {
        assertThatThrownBy(() -> RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of("MEDIAHOOKS_KAFKA_PROCESSING_GUARANTEE", "at_least_once")))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MEDIAHOOKS_KAFKA_PROCESSING_GUARANTEE is not allowed: the router sets processing.guarantee itself; "
                        + "use MEDIAHOOKS_PROCESSING_GUARANTEE instead");
    }

    @Test
    void streamsConfigCarriesTheGuaranteeHandlersAndPassThroughs() {
        RouterConfig config = RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of(
                "MEDIAHOOKS_KAFKA_SECURITY_PROTOCOL", "SSL", "MEDIAHOOKS_TOPIC_REPLICATION_FACTOR", "3"))));

        Map<String, Object> streams = config.streamsConfig(new RouterMetrics(new SimpleMeterRegistry()));

        assertThat(streams).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "mediahooks-router")
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry("security.protocol", "SSL")
                .containsKeys(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG);
        new StreamsConfig(streams);
    }

    @Test
    void refusesToStartWithoutTheKeyRingOfSecretsNamingIt() {
        assertThatThrownBy(() -> RouterConfig.from(new Environment(Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MEDIAHOOKS_SECRETS_KEYS is required");
        assertThat(RouterConfig.SETTINGS).extracting(setting -> setting.key()).contains("MEDIAHOOKS_SECRETS_KEYS",
                "MEDIAHOOKS_SECRETS_KEYS_FILE", "MEDIAHOOKS_ALLOW_PLAINTEXT_SECRETS");
    }
}
