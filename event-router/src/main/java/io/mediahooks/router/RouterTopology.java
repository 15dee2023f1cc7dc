package io.mediahooks.router;

import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.kafka.Topics;
import io.mediahooks.router.state.SecretsIndex;
import io.mediahooks.router.state.WebhookIndex;
import io.mediahooks.router.stream.RouterStages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds the router's Kafka Streams topology, for {@code main} and the tests alike.
 *
 * <pre>
 * webhook-subscriptions ──check key, URL──▶ global store "webhooks" (one entry per webhook, by organization)
 * webhook-secrets ──────check key, open──▶ global store "secrets"  (by organization, the record's sealed bytes)
 * media-events ──decode──▶ dedup ──▶ route (reads both global stores) ──▶ webhook-deliveries
 * </pre>
 *
 * <p>Webhooks and secrets are global state: every instance holds all of them, and Kafka Streams
 * restores global stores up to the end of their topics before any stream thread starts, so no
 * event is ever routed against a half-loaded table. The secrets store holds each record's bytes as
 * they are on the topic, secrets sealed; they are opened only into the stream threads' memory
 * caches, so neither the store on disk nor anything it could be restored from holds plain text. Global stores need no co-partitioning, so
 * events are routed in the task of the partition they arrived on, with no repartition topic.
 * Undecodable input never reaches these stages: {@link io.mediahooks.router.errors.InvalidInputHandler}
 * takes it.
 */
public final class RouterTopology {

    /** Name of the global store of webhooks: see {@link WebhookIndex}. */
    public static final String WEBHOOKS_STORE = WebhookIndex.STORE;
    /** Name of the global store of secrets: see {@link SecretsIndex}. */
    public static final String SECRETS_STORE = SecretsIndex.STORE;

    private RouterTopology() {
    }

    /** The topology with the system clock and metrics that nobody reads: for tools and quick tests. */
    public static Topology build(StreamsBuilder builder, RouterConfig config) {
        return build(builder, config, Clock.systemUTC(), new RouterMetrics(new SimpleMeterRegistry()));
    }

    /** The topology; {@code clock} judges secret expiry and the dedup window. */
    public static Topology build(StreamsBuilder builder, RouterConfig config, Clock clock, RouterMetrics metrics) {
        Topics topics = config.topics();
        RouterStages stages = new RouterStages(clock, config.dedupWindow(), config.secrets().atRest(), config.urls().policy(), metrics,
                config.maxRecordBytes());
        builder.addGlobalStore(WebhookIndex.storeBuilder(), topics.subscriptions().name(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-subscriptions"),
                stages::subscriptionIndexer);
        builder.addGlobalStore(SecretsIndex.storeBuilder(), topics.names().secrets(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-secrets"),
                stages::secretsIndexer);

        Topic<byte[], MediaEvent> events = topics.mediaEvents();
        builder.stream(events.name(), Consumed.with(events.keySerde(), RouterStages.STRICT_MEDIA_EVENT).withName("read-media-events"))
                .processValues(stages.<byte[]>deduplicator(), Named.as("deduplicate"))
                .process(stages::<byte[]>router, Named.as("route"))
                .to(topics.deliveries().name(), Produced.with(Topics.SUBSCRIPTION_ID, Topics.DELIVERY).withName("write-deliveries"));
        return builder.build();
    }

    /** The topics whose records are media events, as the failing task read them: where the error handlers look. */
    public static Set<String> eventTopics(RouterConfig config) {
        return Set.of(config.topics().names().mediaEvents());
    }
}
