package io.mediahooks.e2e;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.RouterApplication;
import io.mediahooks.router.RouterTopology;
import io.mediahooks.router.routing.OrganizationWebhooks;
import io.mediahooks.runtime.CommonConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** What the end-to-end tests share: the services' environment on topics of their own, and the router's view of a webhook table. */
final class PipelineSetup {

    private PipelineSetup() {
    }

    /** The variables of a router and a worker on the test broker, topics prefixed, loopback receivers allowed. */
    static Map<String, String> environment(KafkaTestBroker kafka, String prefix) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.putAll(CommonConfig.topicVariables(TopicNames.defaults().prefixed(prefix)));
        env.put("MEDIAHOOKS_TOPIC_PARTITIONS", "3");
        env.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s,1s");
        env.put("MEDIAHOOKS_MANAGEMENT_PORT", "0");
        env.put("MEDIAHOOKS_APPLICATION_ID", prefix + "router");
        env.put("MEDIAHOOKS_STATE_DIR", Path.of("target", "router-state", prefix).toString());
        env.put("MEDIAHOOKS_WORKER_GROUP_ID", prefix + "workers");
        env.put("MEDIAHOOKS_ALLOW_HTTP", "true");
        env.put("MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS", "true");
        return env;
    }

    /** How many webhooks of {@code organization} the router's table holds: routing applies them from then on. */
    static int webhooksOf(RouterApplication router, String organization) {
        ReadOnlyKeyValueStore<OrganizationId, OrganizationWebhooks> store = router.streams().store(
                StoreQueryParameters.fromNameAndType(RouterTopology.WEBHOOKS_STORE, QueryableStoreTypes.keyValueStore()));
        OrganizationWebhooks webhooks = store.get(new OrganizationId(organization));
        return webhooks == null ? 0 : webhooks.size();
    }
}
