package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.retry.RetrySchedule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

@WithKafka
class TopicProvisionerIT {

    private static final RetrySchedule SCHEDULE = RetrySchedule.parse("5s,1m,1m");

    @Test
    void createsEveryMissingTopicWithCompactionForTables(KafkaTestBroker kafka) throws Exception {
        Topics topics = new Topics(TopicNames.defaults().prefixed(kafka.uniqueTopic("prov") + "-"));
        List<Topic<?, ?>> all = topics.all(SCHEDULE);

        new TopicProvisioner(kafka.admin(), 3, Optional.empty()).ensure(all, Duration.ofSeconds(30));

        Set<String> names = kafka.admin().listTopics().names().get();
        assertThat(names).containsAll(all.stream().map(Topic::name).toList());
        assertThat(all).hasSize(9 + 2);
        Map<String, TopicDescription> described = kafka.admin().describeTopics(List.of(topics.deliveries().name())).allTopicNames().get();
        assertThat(described.get(topics.deliveries().name()).partitions()).hasSize(3);
        assertThat(cleanupPolicy(kafka, topics.subscriptions().name())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(kafka, topics.names().secrets())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(kafka, topics.operationalEvents().name())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(kafka, topics.apiKeys().name())).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(cleanupPolicy(kafka, topics.deliveries().name())).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    @Test
    void runningTwiceIsHarmlessAndExistingTopicsAreNeverAltered(KafkaTestBroker kafka) throws Exception {
        Topics topics = new Topics(TopicNames.defaults().prefixed(kafka.uniqueTopic("prov") + "-"));
        // An operator created the deliveries topic by hand with 2 partitions and the subscriptions table without compaction.
        kafka.createTopic(topics.deliveries().name(), 2);
        kafka.createTopic(topics.subscriptions().name(), 1);

        TopicProvisioner provisioner = new TopicProvisioner(kafka.admin(), 6, Optional.of((short) 1));
        provisioner.ensure(topics.all(SCHEDULE), Duration.ofSeconds(30));
        provisioner.ensure(topics.all(SCHEDULE), Duration.ofSeconds(30));

        Map<String, TopicDescription> described = kafka.admin()
                .describeTopics(List.of(topics.deliveries().name(), topics.attempts().name())).allTopicNames().get();
        assertThat(described.get(topics.deliveries().name()).partitions()).hasSize(2);
        assertThat(described.get(topics.attempts().name()).partitions()).hasSize(6);
        assertThat(cleanupPolicy(kafka, topics.subscriptions().name())).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
    }

    private static String cleanupPolicy(KafkaTestBroker kafka, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    }
}
