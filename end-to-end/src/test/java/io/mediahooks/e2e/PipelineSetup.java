package io.mediahooks.e2e;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.RouterApplication;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.UrlPolicyConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What the end-to-end tests share: the services' environment on topics of their own, and the router's view of a webhook table. */
final class PipelineSetup {

    private PipelineSetup() {
    }

    /** The variables of a router and a worker on the test broker, topics prefixed, loopback receivers allowed. */
    static Map<String, String> environment(KafkaTestBroker kafka, String prefix) {
        return environment(kafka.bootstrapServers(), prefix);
    }

    /** The same for the Kafka at {@code bootstrapServers}. */
    static Map<String, String> environment(String bootstrapServers, String prefix) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.putAll(CommonConfig.topicVariables(TopicNames.defaults().prefixed(prefix)));
        env.put("MEDIAHOOKS_TOPIC_PARTITIONS", "3");
        env.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s,1s");
        env.put("MEDIAHOOKS_MANAGEMENT_PORT", "0");
        env.put("MEDIAHOOKS_APPLICATION_ID", prefix + "router");
        env.put("MEDIAHOOKS_STATE_DIR", Path.of("target", "router-state", prefix).toString());
        env.put("MEDIAHOOKS_WORKER_GROUP_ID", prefix + "workers");
        // Receivers are plain http on loopback: the API, the router and the workers all allow it (each validates URLs).
        env.putAll(UrlPolicyConfig.localDevelopment());
        env.putAll(TestSecretsKeys.environment());
        return env;
    }

    /** A secrets record given in the contract's plain-text form, as it is written: sealed under the test key ring. */
    static String sealed(String plainSecretsJson) {
        SecretsAtRest keys = SecretsAtRest.encrypted(SecretsKeyRing.parse(TestSecretsKeys.RING));
        OrganizationSecrets secrets = new OrganizationSecretsCodec(keys.readingPlaintext())
                .decode(plainSecretsJson.getBytes(StandardCharsets.UTF_8));
        return new String(new OrganizationSecretsCodec(keys).encode(secrets), StandardCharsets.UTF_8);
    }

    /** How many webhooks of {@code organization} the router's global store holds: routing applies them from then on. */
    static int webhooksOf(RouterApplication router, String organization) {
        return router.webhooksOf(new OrganizationId(organization)).size();
    }
}
