package io.mediahooks.cli.attempts;

import io.mediahooks.cli.Flags;
import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.kafka.KafkaSession;
import io.mediahooks.cli.kafka.TopicReader;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topics;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks attempts tail}: prints one line per attempt as the workers make them, until Ctrl-C. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {
            "Print one line per delivery attempt as it happens, until Ctrl-C:",
            "  <time> <outcome> <webhook> attempt <n> <event_type> <event_id>",
            "      -> <status> in <ms> ms <url> [(error)]"})
public final class AttemptsTailCommand implements Callable<Integer> {

    @Option(names = "--webhook", paramLabel = "<id>", description = "Only this webhook's attempts, e.g. wh_1.")
    String webhook;

    @Option(names = "--from-beginning", description = "Start with the oldest attempt still on the topic, not with new ones.")
    boolean fromBeginning;

    @Option(names = "--no-follow", description = "Print every attempt on the topic now, oldest first, and exit.")
    boolean noFollow;

    private final CliContext context;

    public AttemptsTailCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        byte[] wanted = webhook == null ? null : Topics.SUBSCRIPTION_ID.serializer().serialize("", Flags.parse("--webhook", webhook, SubscriptionId::new));
        try (KafkaSession kafka = new KafkaSession(context.config())) {
            String topic = kafka.topics().attempts().name();
            kafka.requireTopics(topic);
            try (var consumer = kafka.newReader()) {
                TopicReader reader = new TopicReader(consumer, topic);
                if (noFollow) {
                    reader.readSnapshot(record -> print(record, wanted));
                    return 0;
                }
                CountDownLatch finished = new CountDownLatch(1);
                Thread stopOnSignal = new Thread(() -> {
                    consumer.wakeup();
                    awaitQuietly(finished);
                }, "attempts-tail-stop");
                Runtime.getRuntime().addShutdownHook(stopOnSignal);
                try {
                    reader.tail(fromBeginning, () -> false, record -> print(record, wanted));
                } finally {
                    finished.countDown();
                    removeQuietly(stopOnSignal);
                }
            }
        }
        return 0;
    }

    private void print(ConsumerRecord<byte[], byte[]> record, byte[] wanted) {
        if (wanted != null && !Arrays.equals(wanted, record.key())) {
            return;
        }
        try {
            Attempt attempt = Topics.ATTEMPT.deserializer().deserialize(record.topic(), record.value());
            if (attempt != null) {
                context.println(AttemptLine.format(attempt));
            }
        } catch (InvalidRecordException e) {
            context.warn("skipped an invalid attempt record at partition " + record.partition() + " offset " + record.offset()
                    + ": " + e.getMessage());
        }
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, which is how a tail normally ends.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
