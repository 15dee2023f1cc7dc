package io.mediahooks.cli.local;

import io.mediahooks.cli.CliException;
import io.mediahooks.kafka.embedded.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Kafka of the local run: an embedded single-node broker keeping its data under the local
 * folder, or the cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}, which it then leaves alone.
 */
final class LocalKafka implements AutoCloseable {

    private final String bootstrapServers;
    private final Optional<EmbeddedKafkaBroker> broker;

    private LocalKafka(String bootstrapServers, Optional<EmbeddedKafkaBroker> broker) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    /**
     * Uses {@code external} when present; otherwise starts a broker on {@code preferredPort}, or on
     * a free port when that one is taken (saying so, since other commands default to 9092).
     */
    static LocalKafka start(Optional<String> external, int preferredPort, LocalLayout layout, Consumer<String> say) {
        if (external.isPresent()) {
            say.accept("Kafka: using the cluster at " + external.get() + " (KAFKA_BOOTSTRAP_SERVERS); no broker started");
            return new LocalKafka(external.get(), Optional.empty());
        }
        int port = preferredPort;
        if (!LocalLayout.isFree(port)) {
            port = LocalLayout.freePort();
            say.accept("Kafka: port " + preferredPort + " is taken, using " + port
                    + "; for other mediahooks commands: export KAFKA_BOOTSTRAP_SERVERS=localhost:" + port);
        }
        long started = System.nanoTime();
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.builder().dataDir(layout.kafka()).keepDataDir().port(port).start();
        } catch (IllegalStateException e) {
            throw CliException.failure("the embedded Kafka did not start: " + e.getMessage()
                    + " (is another 'mediahooks local' running on " + layout.root() + "?)", e);
        }
        say.accept("Kafka: embedded broker ready at " + broker.bootstrapServers() + " in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (data in " + layout.kafka() + ")");
        return new LocalKafka(broker.bootstrapServers(), Optional.of(broker));
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    boolean embedded() {
        return broker.isPresent();
    }

    /** Stops the embedded broker (its data stays); an external cluster is left running. */
    @Override
    public void close() {
        broker.ifPresent(EmbeddedKafkaBroker::close);
    }
}
