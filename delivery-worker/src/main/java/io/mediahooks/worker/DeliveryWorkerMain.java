package io.mediahooks.worker;

import io.mediahooks.runtime.ConfigException;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.ManagementServer;
import io.mediahooks.runtime.ServiceMetrics;
import io.mediahooks.runtime.TopicProvisioner;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar delivery-worker.jar}: reads the environment, creates missing topics, serves
 * health and metrics, delivers until SIGTERM (then finishes or hands back in-flight work) and exits
 * non-zero when configuration is bad or the worker fails.
 */
public final class DeliveryWorkerMain {

    public static final String SERVICE = "delivery-worker";

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorkerMain.class);
    private static final int EXIT_CONFIG = 2;
    private static final int EXIT_FAILED = 1;

    private DeliveryWorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Environment env = Environment.system();
        WorkerConfig config;
        try {
            config = WorkerConfig.from(env);
        } catch (ConfigException e) {
            LOG.error("Bad configuration: {}", e.getMessage());
            System.exit(EXIT_CONFIG);
            return;
        }
        List<String> unknown = env.unknownKeys(WorkerConfig.SETTINGS);
        if (!unknown.isEmpty()) {
            LOG.warn("Ignoring settings the delivery worker does not know (typos?): {}", unknown);
        }
        PrometheusMeterRegistry registry = ServiceMetrics.prometheus(SERVICE);
        DeliveryWorker worker;
        try {
            worker = DeliveryWorker.start(config, registry, Clock.systemUTC());
        } catch (ConfigException | TopicProvisioner.TopicProvisioningException e) {
            LOG.error("Cannot start: {}", e.getMessage());
            System.exit(e instanceof ConfigException ? EXIT_CONFIG : EXIT_FAILED);
            return;
        }
        ManagementServer management;
        try {
            management = ManagementServer.start(SERVICE, config.common().managementPort(), registry, worker::health);
        } catch (RuntimeException e) {
            // The worker's threads are not daemons: without this the JVM would live on, unmanaged.
            LOG.error("Cannot serve the management endpoints: {}", e.toString());
            worker.close();
            System.exit(EXIT_FAILED);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.close();
            management.close();
        }, "mediahooks-shutdown"));
        while (!worker.awaitStopped(Duration.ofMinutes(1))) {
            // Runs until SIGTERM (the hook closes the worker) or a failure.
        }
        if (worker.failure().isPresent()) {
            LOG.error("The delivery worker failed: {}", worker.failure().get().toString());
            // Exiting runs the shutdown hook, which closes what is left.
            System.exit(EXIT_FAILED);
        }
    }
}
