package io.mediahooks.runtime;

import io.mediahooks.model.kafka.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service needs at start-up, idempotently, and waits until they exist. It
 * never alters a topic that already exists; a table topic found without compaction is reported.
 * Being the first Kafka call of every service, it is also where a refused TLS handshake or SASL
 * login stops start-up, with a {@link ConfigException} naming the settings to check.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final int partitions;
    private final Optional<Short> replicationFactor;
    private final Optional<KafkaAccessErrors> accessErrors;

    public TopicProvisioner(Admin admin, int partitions, Optional<Short> replicationFactor) {
        this(admin, partitions, replicationFactor, Optional.empty());
    }

    private TopicProvisioner(Admin admin, int partitions, Optional<Short> replicationFactor, Optional<KafkaAccessErrors> accessErrors) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.accessErrors = accessErrors;
    }

    public static TopicProvisioner from(Admin admin, CommonConfig config) {
        return new TopicProvisioner(admin, config.topicPartitions(), config.topicReplicationFactor(),
                Optional.of(config.accessErrors()));
    }

    /**
     * Creates whichever of {@code topics} are missing, then waits until every one is visible.
     *
     * @throws TopicProvisioningException when the broker refuses or the topics do not appear within {@code timeout}
     * @throws ConfigException when Kafka refuses this client's TLS handshake, login or ACLs (named in the message)
     */
    public void ensure(Collection<Topic<?, ?>> topics, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Set<String> existing = await(admin.listTopics().names(), deadline, "listing topics");
        List<NewTopic> missing = new ArrayList<>();
        for (Topic<?, ?> topic : topics) {
            if (!existing.contains(topic.name())) {
                missing.add(newTopic(topic));
            }
        }
        if (!missing.isEmpty()) {
            create(missing, deadline);
        }
        Map<String, Topic<?, ?>> byName = topics.stream().collect(Collectors.toMap(Topic::name, t -> t, (a, b) -> a));
        awaitVisible(byName.keySet(), deadline);
        warnAboutUncompactedTables(byName.values().stream().filter(Topic::compacted).filter(t -> existing.contains(t.name())).toList(),
                deadline);
    }

    private NewTopic newTopic(Topic<?, ?> topic) {
        NewTopic newTopic = new NewTopic(topic.name(), Optional.of(partitions), replicationFactor);
        if (topic.compacted()) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return newTopic;
    }

    private void create(List<NewTopic> missing, Instant deadline) {
        Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                await(result.getValue(), deadline, "creating topic " + result.getKey());
                LOG.info("Created topic {} ({} partitions)", result.getKey(), partitions);
            } catch (TopicProvisioningException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    // Another instance created it first: exactly what we wanted.
                    LOG.debug("Topic {} was created concurrently", result.getKey());
                } else {
                    throw e;
                }
            }
        }
    }

    private void awaitVisible(Set<String> names, Instant deadline) {
        while (true) {
            Set<String> visible = await(admin.listTopics().names(), deadline, "listing topics");
            if (visible.containsAll(names) && everyPartitionHasALeader(names, deadline)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                Set<String> absent = names.stream().filter(name -> !visible.contains(name)).collect(Collectors.toSet());
                throw new TopicProvisioningException(absent.isEmpty()
                        ? "the topics' partitions got no leader in time: " + names
                        : "topics did not appear in time: " + absent, null);
            }
            pause(Duration.ofMillis(100));
        }
    }

    /**
     * A topic is listed before its partitions have leaders; an idempotent producer that writes in
     * that window can fail its first batches, so start-up waits for the leaders too.
     */
    private boolean everyPartitionHasALeader(Set<String> names, Instant deadline) {
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames(), deadline, "describing topics");
        return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream())
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    }

    private void warnAboutUncompactedTables(List<Topic<?, ?>> tables, Instant deadline) {
        if (tables.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = tables.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList();
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(resources).all(), deadline, "describing topics");
        configs.forEach((resource, config) -> {
            var policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                LOG.warn("Topic {} is a table but its cleanup.policy is {}; old versions may be deleted. Left as is.",
                        resource.name(), policy == null ? "unknown" : policy.value());
            }
        });
    }

    private <T> T await(KafkaFuture<T> future, Instant deadline, String what) {
        long millis = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            Optional<ConfigException> refused = accessErrors.flatMap(errors -> errors.explain(e.getCause()));
            if (refused.isPresent()) {
                throw refused.get();
            }
            String hint = e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException ? unreachableHint() : "";
            throw new TopicProvisioningException(what + " failed: " + e.getCause().getMessage() + hint, e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException(what + " timed out" + unreachableHint(), e);
        }
    }

    private String unreachableHint() {
        return accessErrors.map(errors -> "; " + errors.unreachableHint()).orElse("");
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("waiting for topics was interrupted", e);
        }
    }

    /** The topics could not be created or did not appear. */
    public static final class TopicProvisioningException extends RuntimeException {
        TopicProvisioningException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
