package io.mediahooks.api;

import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.TopicProvisioner.TopicProvisioningException;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar management-api.jar}: configured by environment variables, see the README and docs/api.md. */
public final class ManagementApiMain {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementApiMain.class);
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_BAD_CONFIG = 2;

    private ManagementApiMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ApiApplication api;
        try {
            api = run(Environment.system());
        } catch (ConfigException e) {
            LOG.error("Invalid configuration: {}", e.getMessage());
            System.exit(EXIT_BAD_CONFIG);
            return;
        } catch (TopicProvisioningException e) {
            LOG.error("Could not prepare the topics: {}", e.getMessage(), e);
            System.exit(EXIT_FAILED);
            return;
        } catch (RuntimeException e) {
            LOG.error("management-api could not start: {}", e.getMessage(), e);
            System.exit(EXIT_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "management-api-shutdown"));
        if (api.awaitStop() == KafkaStreams.State.ERROR) {
            LOG.error("The views stopped after an unrecoverable error; exiting");
            api.close();
            System.exit(EXIT_FAILED);
        }
    }

    /** Reads and checks the settings, then starts the API. */
    public static ApiApplication run(Environment env) {
        ApiConfig config = ApiConfig.from(env);
        for (String key : env.unknownKeys(ApiConfig.SETTINGS)) {
            LOG.warn("Ignoring {}: the management API has no such setting (a typo?)", key);
        }
        return ApiApplication.start(config, Clock.systemUTC());
    }
}
