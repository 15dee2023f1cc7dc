package io.mediahooks.bench.cluster;

import io.mediahooks.bench.workload.Workload;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.SecretsConfig;
import io.mediahooks.runtime.TopicProvisioner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One scenario's view of the broker: its own topic names (a prefix keeps scenarios apart on one
 * broker), the environment that points a service at them, and the producers that load them.
 */
public final class KafkaSide implements AutoCloseable {

    /** Partitions of every topic: the services' default, so workers and stream threads can scale to it. */
    public static final int PARTITIONS = 12;

    private final String bootstrapServers;
    private final Topics topics;
    /** A key ring of this scenario's own: the services encrypt secrets at rest here as in production. */
    private final String keyRing = "bench1:" + SecretsKeyRing.generateKey();
    private final SecretsAtRest secretsAtRest = SecretsAtRest.encrypted(SecretsKeyRing.parse(keyRing));
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;

    public KafkaSide(String bootstrapServers, String topicPrefix) {
        this.bootstrapServers = bootstrapServers;
        this.topics = new Topics(TopicNames.defaults().prefixed(topicPrefix));
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        Map<String, Object> setup = producerConfig(bootstrapServers);
        // One request at a time: a retried batch can then never land behind a later one (which an
        // idempotent producer reports as OutOfOrderSequence and retries until it expires).
        setup.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        this.producer = new KafkaProducer<>(setup, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** What a publisher of events uses: the defaults of a Kafka 4 producer, larger batches for bulk loads. */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        return config;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Topics topics() {
        return topics;
    }

    /** How this scenario's secrets are sealed: what its services are given, for writing or reading secrets records. */
    public SecretsAtRest secretsAtRest() {
        return secretsAtRest;
    }

    /** The variables that point a router or worker at this broker and these topics, with the key ring of secrets at rest. */
    public Map<String, String> serviceEnvironment() {
        TopicNames names = topics.names();
        Map<String, String> env = new HashMap<>();
        env.put(CommonConfig.KAFKA_BOOTSTRAP_SERVERS.key(), bootstrapServers);
        env.put(CommonConfig.TOPIC_PARTITIONS.key(), Integer.toString(PARTITIONS));
        env.putAll(CommonConfig.topicVariables(names));
        env.putAll(SecretsConfig.variables(keyRing));
        return env;
    }

    /** Creates every topic of the scenario, as the services would at start-up. */
    public void provision(RetrySchedule schedule) {
        List<Topic<?, ?>> all = topics.all(schedule);
        new TopicProvisioner(admin, PARTITIONS, Optional.empty()).ensure(all, Duration.ofSeconds(60));
        awaitLeaders(all.stream().map(Topic::name).toList(), Duration.ofSeconds(60));
    }

    /**
     * Waits until every partition of {@code names} has a leader: producing to a partition created
     * a moment ago gets NOT_LEADER answers and retries, which on a loaded machine can reorder an
     * idempotent producer's batches.
     */
    private void awaitLeaders(List<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                boolean ready = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                        .allMatch(description -> description.partitions().stream().allMatch(partition -> partition.leader() != null));
                if (ready) {
                    names.forEach(producer::partitionsFor);
                    return;
                }
            } catch (ExecutionException | TimeoutException e) {
                // Not visible yet everywhere: try again below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for partition leaders", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("partitions of " + names + " have no leader after " + timeout);
            }
            Pause.millis(100);
        }
    }

    /** Publishes every webhook and secret of {@code workload} and waits until the broker has them. */
    public void publish(Workload workload) {
        Topic<io.mediahooks.model.SubscriptionId, Subscription> subscriptions = topics.subscriptions();
        Topic<io.mediahooks.model.OrganizationId, OrganizationSecrets> secrets = topics.secrets(secretsAtRest);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Workload.Organization organization : workload.organizations()) {
            sent.add(send(secrets, organization.id(), organization.secrets()));
            for (Subscription webhook : organization.webhooks()) {
                sent.add(send(subscriptions, webhook.id(), webhook));
            }
        }
        awaitAll(sent);
    }

    /** Publishes one organization's secrets and one webhook of it, and waits until the broker has them. */
    public void publishWebhook(OrganizationSecrets organizationSecrets, Subscription webhook) {
        awaitAll(List.of(send(topics.secrets(secretsAtRest), organizationSecrets.organizationId(), organizationSecrets),
                send(topics.subscriptions(), webhook.id(), webhook)));
    }

    /** Publishes deliveries straight to the deliveries topic, as the router would have routed them. */
    public void publishDeliveries(List<Delivery> deliveries) {
        Topic<io.mediahooks.model.SubscriptionId, Delivery> topic = topics.deliveries();
        List<Future<RecordMetadata>> sent = new ArrayList<>(deliveries.size());
        deliveries.forEach(delivery -> sent.add(send(topic, delivery.subscriptionId(), delivery)));
        awaitAll(sent);
    }

    private <K, V> Future<RecordMetadata> send(Topic<K, V> topic, K key, V value) {
        return producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    /** Waits for every send; a record the broker did not take would make every figure after it wrong. */
    static void awaitAll(List<Future<RecordMetadata>> sent) {
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(120, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a record was not published: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            }
        }
    }

    public Admin admin() {
        return admin;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        admin.close(Duration.ofSeconds(10));
    }
}
