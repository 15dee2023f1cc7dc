package io.mediahooks.router;

import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.routing.OrganizationWebhooks;
import io.mediahooks.router.stream.RouterStages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Builds the router's Kafka Streams topology, for {@code main} and the tests alike.
 *
 * <pre>
 * media-events ──decode──▶ key by organization ──▶ [events-by-organization] ──▶ dedup ──▶ ⋈ webhooks ──▶ ⋈ secrets ──▶ route ──▶ webhook-deliveries
 * webhook-subscriptions ──check key──▶ table ──group by organization──▶ [subscriptions-by-organization] ──▶ webhooks-by-organization
 * webhook-secrets ──check key──▶ [secrets-by-organization] ──▶ secrets-by-organization table
 * </pre>
 *
 * <p>Every input is re-partitioned by organization through the router's own topics, so the three
 * meet in the same task whatever the partition counts of the input topics and whichever
 * partitioner their producers used (librdkafka's default differs from Java's). Undecodable input
 * never reaches these stages: {@link io.mediahooks.router.errors.InvalidInputHandler} takes it.
 */
public final class RouterTopology {

    /** Name of the router's re-keyed copy of the media events (topic {@code <application id>-events-by-organization-repartition}). */
    public static final String EVENTS_BY_ORGANIZATION = "events-by-organization";
    /** Name of the queryable store of each organization's webhooks. */
    public static final String WEBHOOKS_STORE = "webhooks-by-organization";
    /** Name of the queryable store of each organization's secrets. */
    public static final String SECRETS_STORE = "secrets-by-organization";
    static final String SUBSCRIPTIONS_STORE = "subscriptions";
    static final String SUBSCRIPTIONS_BY_ORGANIZATION = "subscriptions-by-organization";

    private RouterTopology() {
    }

    /** The topology with the system clock and metrics that nobody reads: for tools and quick tests. */
    public static Topology build(StreamsBuilder builder, RouterConfig config) {
        return build(builder, config, Clock.systemUTC(), new RouterMetrics(new SimpleMeterRegistry()));
    }

    /** The topology; {@code clock} judges secret expiry and the dedup window. */
    public static Topology build(StreamsBuilder builder, RouterConfig config, Clock clock, RouterMetrics metrics) {
        Topics topics = config.topics();
        RouterStages stages = new RouterStages(clock, config.dedupWindow(), metrics);
        KTable<OrganizationId, OrganizationWebhooks> webhooks = webhooksByOrganization(builder, topics.subscriptions(), stages);
        KTable<OrganizationId, OrganizationSecrets> secrets = secretsByOrganization(builder, topics.secrets(), stages);
        KStream<OrganizationId, MediaEvent> events = firstSightings(builder, topics.mediaEvents(), stages);

        Topic<SubscriptionId, ?> deliveries = topics.deliveries();
        events.leftJoin(webhooks, RouterStages::withWebhooks,
                        Joined.<OrganizationId, MediaEvent, OrganizationWebhooks>as("join-webhooks")
                                .withKeySerde(Topics.ORGANIZATION_ID).withValueSerde(Topics.MEDIA_EVENT))
                .leftJoin(secrets, RouterStages::withSecrets, Joined.as("join-secrets"))
                .process(stages::router, Named.as("route"))
                .to(deliveries.name(), Produced.with(Topics.SUBSCRIPTION_ID, Topics.DELIVERY).withName("write-deliveries"));
        return builder.build();
    }

    /** The topics whose records are media events, as the failing task read them: where the error handlers look. */
    public static Set<String> eventTopics(RouterConfig config) {
        return Set.of(config.topics().names().mediaEvents(),
                config.applicationId() + "-" + EVENTS_BY_ORGANIZATION + "-repartition");
    }

    /** Valid media events, keyed by organization, each (organization, event id) once per dedup window. */
    private static KStream<OrganizationId, MediaEvent> firstSightings(StreamsBuilder builder, Topic<byte[], MediaEvent> topic,
                                                                      RouterStages stages) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), RouterStages.STRICT_MEDIA_EVENT).withName("read-media-events"))
                .selectKey((key, event) -> event.organizationId(), Named.as("key-by-organization"))
                .repartition(Repartitioned.with(Topics.ORGANIZATION_ID, Topics.MEDIA_EVENT).withName(EVENTS_BY_ORGANIZATION))
                .processValues(stages.deduplicator(), Named.as("deduplicate"));
    }

    /** Each organization's current webhooks: updates, moves between organizations and tombstones apply. */
    private static KTable<OrganizationId, OrganizationWebhooks> webhooksByOrganization(
            StreamsBuilder builder, Topic<SubscriptionId, Subscription> topic, RouterStages stages) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName("read-subscriptions"))
                .processValues(stages::subscriptionCheck, Named.as("check-subscription"))
                .toTable(Named.as("subscriptions-table"),
                        Materialized.<SubscriptionId, Subscription, KeyValueStore<Bytes, byte[]>>as(SUBSCRIPTIONS_STORE)
                                .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde()))
                .groupBy((id, subscription) -> KeyValue.pair(subscription.organizationId(), subscription),
                        Grouped.with(SUBSCRIPTIONS_BY_ORGANIZATION, Topics.ORGANIZATION_ID, topic.valueSerde()))
                .aggregate(OrganizationWebhooks::empty,
                        (organization, subscription, current) -> current.with(subscription),
                        (organization, subscription, current) -> current.without(subscription.id()),
                        Named.as("aggregate-webhooks"),
                        Materialized.<OrganizationId, OrganizationWebhooks, KeyValueStore<Bytes, byte[]>>as(WEBHOOKS_STORE)
                                .withKeySerde(Topics.ORGANIZATION_ID).withValueSerde(RouterStages.WEBHOOKS));
    }

    /** Each organization's current secrets; a tombstone removes them. */
    private static KTable<OrganizationId, OrganizationSecrets> secretsByOrganization(
            StreamsBuilder builder, Topic<OrganizationId, OrganizationSecrets> topic, RouterStages stages) {
        return builder.stream(topic.name(), Consumed.with(topic.keySerde(), topic.valueSerde()).withName("read-secrets"))
                .processValues(stages::secretsCheck, Named.as("check-secrets"))
                .repartition(Repartitioned.with(topic.keySerde(), topic.valueSerde()).withName(SECRETS_STORE))
                .toTable(Named.as("secrets-table"),
                        Materialized.<OrganizationId, OrganizationSecrets, KeyValueStore<Bytes, byte[]>>as(SECRETS_STORE)
                                .withKeySerde(topic.keySerde()).withValueSerde(topic.valueSerde()));
    }
}
