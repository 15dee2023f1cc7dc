package io.mediahooks.worker;

import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.embedded.EmbeddedKafkaBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.TopicProvisioner;
import io.mediahooks.worker.testing.Fixtures;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Deliveries per second of one worker on this machine: N deliveries pre-loaded in
 * webhook-deliveries, a loopback receiver answering 200 at once, an in-JVM broker. Not a test
 * (surefire and failsafe ignore the name); run it by hand:
 * {@code java -cp target/classes:target/test-classes:<test classpath> io.mediahooks.worker.DeliveryBenchmark 20000}.
 */
public final class DeliveryBenchmark {

    private static final int WEBHOOKS = 20;

    private DeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
             Receiver receiver = Receiver.http((request, attempt) -> Reply.status(200))) {
            WorkerConfig config = WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "MEDIAHOOKS_TOPIC_PARTITIONS", "6",
                    "MEDIAHOOKS_ALLOW_HTTP", "true",
                    "MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                    "MEDIAHOOKS_ENDPOINT_CONCURRENCY", Integer.toString(concurrency),
                    "MEDIAHOOKS_ENDPOINT_QUEUE_LIMIT", "100000",
                    "MEDIAHOOKS_MAX_IN_FLIGHT", "5000",
                    "MEDIAHOOKS_MANAGEMENT_PORT", "0"))));
            Topics topics = config.common().topics();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                TopicProvisioner.from(admin, config.common()).ensure(topics.all(config.common().retrySchedule()), Duration.ofSeconds(60));
            }
            preload(broker.bootstrapServers(), topics, receiver, count);

            Map<String, Long> cpuBefore = cpuByRole();
            long started = System.nanoTime();
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (DeliveryWorker worker = DeliveryWorker.start(config, registry, Clock.systemUTC())) {
                long[] lastReport = {System.nanoTime()};
                await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    if (System.nanoTime() - lastReport[0] > 5_000_000_000L) {
                        lastReport[0] = System.nanoTime();
                        System.out.printf("  ... %d received; %s%n", receiver.requests().size(), progress(registry));
                    }
                    return receiver.requests().size() >= count;
                });
                double total = (System.nanoTime() - started) / 1e9;
                var requests = receiver.requests();
                Instant first = requests.get(0).at();
                Instant last = requests.get(requests.size() - 1).at();
                double sending = Duration.between(first, last).toNanos() / 1e9;
                long distinct = requests.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet()).size();
                System.out.printf("DeliveryBenchmark: %d deliveries (%d distinct) with endpoint concurrency %d on %d cores%n",
                        requests.size(), distinct, concurrency, Runtime.getRuntime().availableProcessors());
                System.out.printf("  from worker start: %.1f s, %.0f deliveries/s%n", total, count / total);
                System.out.printf("  first to last request: %.1f s, %.0f deliveries/s%n", sending, count / sending);
                Map<String, Long> cpuAfter = cpuByRole();
                cpuAfter.forEach((role, nanos) -> {
                    double seconds = (nanos - cpuBefore.getOrDefault(role, 0L)) / 1e9;
                    System.out.printf("  CPU of the %s: %.1f s, %.0f deliveries per CPU-second%n", role, seconds, count / seconds);
                });
            }
        }
    }

    private static String progress(SimpleMeterRegistry registry) {
        return registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("mediahooks.worker"))
                .filter(meter -> !meter.getId().getName().contains("duration"))
                .map(meter -> meter.getId().getName().substring("mediahooks.worker.".length())
                        + meter.getId().getTags().stream().map(tag -> tag.getValue()).collect(Collectors.joining(",", "{", "}"))
                        + "=" + (long) meter.measure().iterator().next().getValue())
                .sorted()
                .collect(Collectors.joining(" "));
    }

    /** CPU time of live threads by what they do here: the worker (its threads and Kafka clients), the receiver, the broker. */
    private static Map<String, Long> cpuByRole() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byRole = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            String role = name.startsWith("mediahooks-") || name.startsWith("kafka-producer-network-thread")
                    || name.startsWith("kafka-coordinator-heartbeat-thread") ? "worker"
                    : name.startsWith("receiver") ? "receiver" : "broker and rest";
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                byRole.merge(role, cpu, Long::sum);
            }
        }
        return byRole;
    }

    private static void preload(String bootstrapServers, Topics topics, Receiver receiver, int count) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("key.serializer", ByteArraySerializer.class);
        settings.put("value.serializer", ByteArraySerializer.class);
        settings.put("linger.ms", 20);
        // Fresh topics: with more in flight, an overtaken first batch can be lost (KAFKA-15591).
        settings.put("max.in.flight.requests.per.connection", 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings)) {
            OrganizationSecrets secrets = Fixtures.secrets("org_42", Fixtures.newSecretValue());
            send(producer, topics.secrets(SecretsAtRest.encrypted(SecretsKeyRing.parse(TestSecretsKeys.RING))),
                    secrets.organizationId(), secrets);
            for (int w = 0; w < WEBHOOKS; w++) {
                Subscription subscription = Fixtures.subscription("wh_" + w, "org_42", receiver.url("/hook/" + w));
                send(producer, topics.subscriptions(), subscription.id(), subscription);
            }
            Instant routedAt = Instant.now();
            for (int i = 0; i < count; i++) {
                int w = i % WEBHOOKS;
                Delivery delivery = Fixtures.delivery("wh_" + w, "org_42", "evt_" + i, receiver.url("/hook/" + w), routedAt);
                send(producer, topics.deliveries(), delivery.subscriptionId(), delivery);
            }
            producer.flush();
        }
    }

    private static <K, V> void send(KafkaProducer<byte[], byte[]> producer, Topic<K, V> topic, K key, V value) {
        producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }
}
