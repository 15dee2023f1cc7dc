package io.mediahooks.router;

import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.TopicProvisioner.TopicProvisioningException;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar event-router.jar}: configured by environment variables, see the README. */
public final class EventRouterMain {

    private static final Logger LOG = LoggerFactory.getLogger(EventRouterMain.class);
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_BAD_CONFIG = 2;

    private EventRouterMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RouterApplication router;
        try {
            router = run(Environment.system());
        } catch (ConfigException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        } catch (TopicProvisioningException e) {
            LOG.error("Could not prepare the topics: {}", e.getMessage(), e);
            System.exit(EXIT_FAILED);
            return;
        } catch (RuntimeException e) {
            // The last resort of start-up: exit rather than linger half-started.
            LOG.error("event-router could not start: {}", e.getMessage(), e);
            System.exit(EXIT_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(router::close, "event-router-shutdown"));
        KafkaStreams.State end = router.awaitStop();
        if (end == KafkaStreams.State.ERROR) {
            // Exiting lets the orchestrator restart the router; staying up with dead threads would hide it.
            LOG.error("Kafka Streams stopped after an unrecoverable error; exiting");
            router.close();
            System.exit(EXIT_FAILED);
        }
    }

    /** Everything {@link #main} does before waiting: read and check the settings, then start the router. */
    public static RouterApplication run(Environment env) {
        RouterConfig config = RouterConfig.from(env);
        for (String key : env.unknownKeys(RouterConfig.SETTINGS)) {
            LOG.warn("Ignoring {}: the router has no such setting (a typo?)", key);
        }
        return RouterApplication.start(config, Clock.systemUTC());
    }
}
