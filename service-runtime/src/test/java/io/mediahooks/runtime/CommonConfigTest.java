package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.retry.RetrySchedule;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommonConfigTest {

    @Test
    void defaultsFollowTheSpec() {
        CommonConfig config = CommonConfig.from(new Environment(Map.of()));
        assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.topicNames()).isEqualTo(TopicNames.defaults());
        assertThat(config.retrySchedule()).isEqualTo(RetrySchedule.parse("5s,5m,30m,2h,5h,10h,10h"));
        assertThat(config.topicReplicationFactor()).isEmpty();
        assertThat(config.topics().retries(config.retrySchedule())).extracting(t -> t.name())
                .containsExactly("webhook-retry-5s", "webhook-retry-5m", "webhook-retry-30m", "webhook-retry-2h",
                        "webhook-retry-5h", "webhook-retry-10h");
    }

    @Test
    void environmentOverridesDefaults() {
        CommonConfig config = CommonConfig.from(new Environment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "MEDIAHOOKS_TOPIC_DELIVERIES", "prod-deliveries",
                "MEDIAHOOKS_TOPIC_REPLICATION_FACTOR", "3",
                "MEDIAHOOKS_RETRY_SCHEDULE", "1s,2s",
                "MEDIAHOOKS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));
        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(config.topicNames().deliveries()).isEqualTo("prod-deliveries");
        assertThat(config.topicReplicationFactor()).isEqualTo(Optional.of((short) 3));
        assertThat(config.retrySchedule().maxAttempts()).isEqualTo(3);
        assertThat(config.kafkaClientConfig()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "kafka-1:9092,kafka-2:9092");
    }

    @Test
    void topicVariablesReadBackToTheSameNames() {
        TopicNames names = TopicNames.defaults().prefixed("test-");
        assertThat(CommonConfig.from(new Environment(CommonConfig.topicVariables(names))).topicNames()).isEqualTo(names);
    }

    @Test
    void badValueFailsNamingTheKey() {
        assertThatThrownBy(() -> CommonConfig.from(new Environment(Map.of("MEDIAHOOKS_RETRY_SCHEDULE", "5s,soon"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MEDIAHOOKS_RETRY_SCHEDULE='5s,soon' is invalid: delay 2");
        assertThatThrownBy(() -> CommonConfig.from(new Environment(Map.of("MEDIAHOOKS_MANAGEMENT_PORT", "70000"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MEDIAHOOKS_MANAGEMENT_PORT='70000' is invalid: expected a number from 0 to 65535, got 70000");
        assertThatThrownBy(() -> CommonConfig.from(new Environment(Map.of("MEDIAHOOKS_TOPIC_DELIVERIES", " "))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("MEDIAHOOKS_TOPIC_DELIVERIES=' ' is invalid: must not be empty");
    }

    @Test
    void requiredSettingWithoutValueNamesTheKey() {
        Setting<String> required = Setting.required("MEDIAHOOKS_SOMETHING", "Something we need.", Parsers::nonBlank);
        assertThatThrownBy(() -> new Environment(Map.of()).get(required))
                .isInstanceOf(ConfigException.class)
                .hasMessage("MEDIAHOOKS_SOMETHING is required: Something we need.");
    }

    @Test
    void unknownMediahooksVariablesAreReportedAsLikelyTypos() {
        Environment env = new Environment(Map.of("MEDIAHOOKS_RETRY_SCHEDUL", "5s", "MEDIAHOOKS_KAFKA_ACKS", "all", "PATH", "/bin"));
        assertThat(env.unknownKeys(CommonConfig.SETTINGS)).containsExactly("MEDIAHOOKS_RETRY_SCHEDUL");
    }
}
