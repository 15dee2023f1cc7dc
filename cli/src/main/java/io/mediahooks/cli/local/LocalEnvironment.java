package io.mediahooks.cli.local;

import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.KafkaSecurity;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.util.HashMap;
import java.util.Map;

/** The variables the local run gives its services, on top of the shell's. */
final class LocalEnvironment {

    /** What the services may take to drain on SIGTERM: well inside {@link LocalStack#STOP_GRACE}. */
    private static final String SERVICE_SHUTDOWN_TIMEOUT = "5s";

    private LocalEnvironment() {
    }

    /**
     * What every service gets: where Kafka is, the demo's schedule, a shutdown that fits in the grace, and the URL
     * switches of local development: the receiver is plain http on loopback, which production refuses, so the local
     * run allows both, explicitly, in the API, the router and the workers alike (each of them validates webhook URLs).
     */
    static Map<String, String> services(LocalKafka kafka, LocalSettings settings) {
        Map<String, String> environment = new HashMap<>();
        if (kafka.embedded()) {
            // The embedded broker speaks PLAINTEXT: credentials in the shell are for another cluster.
            environment.putAll(KafkaSecurity.plaintextVariables());
        }
        environment.put(CommonConfig.KAFKA_BOOTSTRAP_SERVERS.key(), kafka.bootstrapServers());
        environment.put(CommonConfig.RETRY_SCHEDULE.key(), settings.retrySchedule().toString());
        environment.put(CommonConfig.TOPIC_PARTITIONS.key(), String.valueOf(settings.partitions()));
        environment.put("MEDIAHOOKS_SHUTDOWN_TIMEOUT", SERVICE_SHUTDOWN_TIMEOUT);
        environment.putAll(UrlPolicyConfig.localDevelopment());
        return environment;
    }
}
