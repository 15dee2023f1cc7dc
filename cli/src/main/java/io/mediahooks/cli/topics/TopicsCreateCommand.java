package io.mediahooks.cli.topics;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.TopicProvisioner;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mediahooks topics create}: creates the missing topics exactly as the services do at start-up. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {
            "Create whichever of mediahooks' topics are missing, as the services do at start-up.",
            "Existing topics are left as they are. Names come from MEDIAHOOKS_TOPIC_*, with"
                    + " MEDIAHOOKS_TOPIC_PARTITIONS partitions and MEDIAHOOKS_TOPIC_REPLICATION_FACTOR, and one retry"
                    + " topic per delay of MEDIAHOOKS_RETRY_SCHEDULE."})
public final class TopicsCreateCommand implements Callable<Integer> {

    private final CliContext context;

    public TopicsCreateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommonConfig config = context.config();
        try (KafkaSession kafka = new KafkaSession(config)) {
            List<Topic<?, ?>> topics = config.topics().all(config.retrySchedule());
            Set<String> before = kafka.await(kafka.admin().listTopics().names(), "list the topics");
            try {
                TopicProvisioner.from(kafka.admin(), config).ensure(topics, Duration.ofSeconds(30));
            } catch (TopicProvisioner.TopicProvisioningException e) {
                throw CliException.failure("creating topics at " + config.bootstrapServers() + " failed: " + e.getMessage(), e);
            }
            for (Topic<?, ?> topic : topics) {
                context.println((before.contains(topic.name()) ? "exists   " : "created  ") + topic.name()
                        + (topic.compacted() ? " (compacted)" : ""));
            }
        }
        return 0;
    }
}
