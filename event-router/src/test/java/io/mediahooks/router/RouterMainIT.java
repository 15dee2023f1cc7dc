package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.DeliveryId;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.kafka.Topic;
import io.mediahooks.model.retry.RetrySchedule;
import io.mediahooks.runtime.Environment;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/** The router as {@code main} starts it, on the real broker: topics, health, events in, deliveries out, metrics. */
@WithKafka
class RouterMainIT {

    @Test
    void mainWiringRoutesEventsEndToEnd(KafkaTestBroker kafka) throws Exception {
        RouterItSupport it = new RouterItSupport(kafka, "main");

        try (RouterApplication router = EventRouterMain.run(Environment.system().with(it.env()))) {
            assertEveryTopicWasCreated(kafka, it);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(RouterItSupport.get(router.managementPort(), "/health/ready").statusCode()).isEqualTo(200));
            assertThat(RouterItSupport.get(router.managementPort(), "/health/live").statusCode()).isEqualTo(200);

            it.put(secrets("org_42"));
            it.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
            it.put(webhook("wh_2", "org_42", "https://hooks.example.com/all", EventSelection.allTypes()));
            RouterItSupport.awaitLoaded(router, "org_42", 2);

            MediaEvent ready = event("org_42", "evt_1", EventType.VIDEO_READY, "sports");
            it.publish(ready);
            it.publish(event("org_42", "evt_2", EventType.VIDEO_DELETED));
            it.publish(ready);
            it.send(it.topics.mediaEvents().name(), "org_42", "{\"event_id\":\"evt_3\"}".getBytes(StandardCharsets.UTF_8));

            List<Delivery> deliveries = it.deliveries(3, Duration.ofSeconds(30));
            assertThat(deliveries).extracting(delivery -> delivery.subscriptionId().value() + "/" + delivery.eventId().value())
                    .containsExactlyInAnyOrder("wh_1/evt_1", "wh_2/evt_1", "wh_2/evt_2");
            Delivery first = deliveries.stream().filter(delivery -> delivery.subscriptionId().value().equals("wh_1")).findFirst().orElseThrow();
            assertThat(first.body()).isEqualTo(MediaEventCodec.deliveryBody(ready));
            assertThat(first.deliveryId()).isEqualTo(DeliveryId.of(ready.organizationId(), ready.eventId(), first.subscriptionId()));

            List<ConsumerRecord<byte[], byte[]>> invalid = it.invalid(1, Duration.ofSeconds(30));
            assertThat(invalid).singleElement().satisfies(record -> assertThat(
                    new String(record.headers().lastHeader("error").value(), StandardCharsets.UTF_8))
                    .isEqualTo("event_type: required field is missing"));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    RouterItSupport.get(router.managementPort(), "/metrics").body())
                    .contains("mediahooks_router_deliveries_total{service=\"event-router\"} 3.0")
                    .contains("mediahooks_router_events_deduplicated_total{service=\"event-router\"} 1.0")
                    .contains("mediahooks_router_invalid_records_total{kind=\"media_event\",service=\"event-router\"} 1.0")
                    .contains("kafka_stream_thread_process_total"));
        }
    }

    @Test
    void onlyInvalidEventsAreSetAsideToo(KafkaTestBroker kafka) {
        RouterItSupport it = new RouterItSupport(kafka, "only-invalid");

        try (RouterApplication router = EventRouterMain.run(new Environment(it.env()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> router.state() == KafkaStreams.State.RUNNING);
            for (int i = 0; i < 3; i++) {
                it.send(it.topics.mediaEvents().name(), "key-" + i, ("garbage " + i).getBytes(StandardCharsets.UTF_8));
            }

            // Nothing else arrives: the handler's records must still be committed, not wait for a valid event.
            assertThat(it.invalid(3, Duration.ofSeconds(30))).extracting(record -> new String(record.key(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("key-0", "key-1", "key-2");
        }
    }

    private static void assertEveryTopicWasCreated(KafkaTestBroker kafka, RouterItSupport it) throws Exception {
        List<String> names = it.topics.all(RetrySchedule.parse("5s,1m")).stream().map(Topic::name).toList();
        Map<String, TopicDescription> described = kafka.admin().describeTopics(names).allTopicNames().get();
        assertThat(described).hasSize(11);
        assertThat(described.values()).allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
        ConfigResource subscriptions = new ConfigResource(ConfigResource.Type.TOPIC, it.topics.subscriptions().name());
        assertThat(kafka.admin().describeConfigs(List.of(subscriptions)).all().get().get(subscriptions)
                .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
}
