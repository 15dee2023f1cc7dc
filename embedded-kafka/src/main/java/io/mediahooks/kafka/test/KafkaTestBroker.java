package io.mediahooks.kafka.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a test needs from the shared Kafka: its address, unique topic names, topics, client
 * configs and a reader for assertions. Injected by {@link KafkaBrokerExtension}; shared by every
 * test in the JVM, so tests must not close {@link #admin()} or {@link #producer()}.
 */
public final class KafkaTestBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaTestBroker.class);
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]+");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_POLL = Duration.ofMillis(200);
    private static final Path STREAMS_STATE_ROOT = Path.of("target", "kafka-streams");

    private final TestCluster cluster;
    private final Admin admin;
    private final KafkaProducer<byte[], byte[]> producer;
    // Tells this JVM's names apart from earlier runs' on a long-lived external cluster.
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong nameCounter = new AtomicLong();

    private KafkaTestBroker(TestCluster cluster) {
        this.cluster = cluster;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
        this.producer = new KafkaProducer<>(producerConfig());
    }

    static KafkaTestBroker start() {
        long started = System.nanoTime();
        TestCluster cluster = TestCluster.start();
        log.info("Kafka for tests: {}, ready in {} ms", cluster.description(),
                (System.nanoTime() - started) / 1_000_000);
        return new KafkaTestBroker(cluster);
    }

    void shutdown() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
        cluster.close();
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** {@code base} plus a suffix unique to this call, so tests never share topics, groups or application ids. */
    public String uniqueTopic(String base) {
        if (!LEGAL_NAME.matcher(base).matches()) {
            throw new IllegalArgumentException("Topic names may only contain [a-zA-Z0-9._-], got '" + base + "'");
        }
        return base + "-" + runId + "-" + nameCounter.incrementAndGet();
    }

    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    /** A topic with {@code cleanup.policy=compact}, e.g. the source of a KTable. */
    public void createCompactedTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /**
     * Creates a topic with the cluster's default replication and returns once clients see it.
     * Fails if it exists: with {@link #uniqueTopic} that means two tests collide.
     */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs);
        await(admin.createTopics(List.of(topic)).all(), "create topic " + name);
        // The controller has the topic now; the broker's metadata may lag by a moment. The
        // producer waits for it (with backoff), so the first send or read cannot miss it.
        producer.partitionsFor(name);
    }

    /** The shared admin client; do not close it. */
    public Admin admin() {
        return admin;
    }

    /** A shared idempotent producer with {@code acks=all}; do not close it. */
    public KafkaProducer<byte[], byte[]> producer() {
        return producer;
    }

    /** Sends one record with {@link #producer()} and waits until the broker acknowledged it. */
    public RecordMetadata send(String topic, byte[] key, byte[] value) {
        return await(producer.send(new ProducerRecord<>(topic, key, value)), "send to " + topic);
    }

    /** Config for a new byte-array producer: idempotent, {@code acks=all}. A fresh, mutable map. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /**
     * Config for a new byte-array consumer in {@code groupId}: reads from the earliest offset and
     * only committed transactional records ({@code read_committed}). A fresh, mutable map.
     */
    public Map<String, Object> consumerConfig(String groupId) {
        Map<String, Object> config = committedFromEarliestConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        return config;
    }

    /**
     * Config for a Kafka Streams application in tests: exactly-once v2, commits every 100 ms, no
     * record cache (so output appears at once) and its own state dir under {@code
     * target/kafka-streams}. Keys are Streams' config names, so this module needs no Streams
     * dependency. A fresh, mutable map.
     */
    public Map<String, Object> streamsConfig(String applicationId) {
        Map<String, Object> config = new HashMap<>();
        config.put("application.id", applicationId);
        config.put("bootstrap.servers", bootstrapServers());
        config.put("processing.guarantee", "exactly_once_v2");
        config.put("commit.interval.ms", 100);
        config.put("statestore.cache.max.bytes", 0);
        config.put("state.dir", newStateDir(applicationId).toString());
        return config;
    }

    /**
     * Reads {@code topic} from the beginning, committed records only, until at least {@code
     * expectedCount} arrived or {@code timeout} passed, and returns what it read (in order within
     * each partition). Uses no consumer group, so it commits nothing and can be called repeatedly.
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout) {
        return readAll(topic, expectedCount, timeout, IsolationLevel.READ_COMMITTED);
    }

    /** {@link #readAll(String, int, Duration)} with a choice of isolation, e.g. to see aborted records too. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expectedCount, Duration timeout,
                                                        IsolationLevel isolation) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> config = readerConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.name().toLowerCase(Locale.ROOT));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("Topic " + topic + " does not exist; create it first");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long remaining = deadline - System.nanoTime();
            while (records.size() < expectedCount && remaining > 0) {
                consumer.poll(Duration.ofNanos(Math.min(remaining, MAX_POLL.toNanos()))).forEach(records::add);
                remaining = deadline - System.nanoTime();
            }
        }
        return records;
    }

    private Map<String, Object> readerConfig() {
        Map<String, Object> config = committedFromEarliestConfig();
        // No group: nothing to commit, and no group join to wait for.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    private Map<String, Object> committedFromEarliestConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }

    private static Path newStateDir(String applicationId) {
        try {
            Files.createDirectories(STREAMS_STATE_ROOT);
            return Files.createTempDirectory(STREAMS_STATE_ROOT, applicationId + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Streams state dir under " + STREAMS_STATE_ROOT, e);
        }
    }

    private static <T> T await(Future<T> future, String what) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            throw new KafkaException("Failed to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Timed out after " + CALL_TIMEOUT + " waiting to " + what, e);
        }
    }
}
