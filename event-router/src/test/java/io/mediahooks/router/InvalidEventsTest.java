package io.mediahooks.router;

import static io.mediahooks.router.Fixtures.event;
import static io.mediahooks.router.Fixtures.secrets;
import static io.mediahooks.router.Fixtures.webhook;
import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.EventType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed media event goes to media-events-invalid, bytes as received, reason in header error; routing goes on. */
class InvalidEventsTest {

    private static final String VALID_REST = "\"created_at\":\"2026-11-26T12:00:00Z\",\"organization_id\":\"org_42\",\"payload\":{}";

    private RouterDriver router;

    @BeforeEach
    void start() {
        // The test driver's mock producer discards records sent in a transaction that has not yet
        // committed when the bad record ends a step, and a skipped record commits nothing. Under
        // exactly-once the handler's record rides the next commit: RouterMainIT checks that on a real broker.
        router = new RouterDriver(Map.of(RouterConfig.PROCESSING_GUARANTEE.key(), "at_least_once"));
        router.put(secrets("org_42"));
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
    }

    @AfterEach
    void stop() {
        router.close();
    }

    static Stream<Arguments> malformedEvents() {
        return Stream.of(
                Arguments.of("not JSON", "{\"event_id\":", "not valid JSON: "),
                Arguments.of("JSON but not an object", "[1,2]", "expected a JSON object, got an array"),
                Arguments.of("empty value", "", "empty record, expected a JSON object"),
                Arguments.of("missing field", "{\"event_id\":\"evt_1\",\"event_type\":\"VIDEO_READY\",\"created_at\":"
                        + "\"2026-11-26T12:00:00Z\",\"payload\":{}}", "organization_id: required field is missing"),
                Arguments.of("unknown type", "{\"event_id\":\"evt_1\",\"event_type\":\"VIDEO_EXPLODED\"," + VALID_REST + "}",
                        "event_type: unknown value VIDEO_EXPLODED"),
                Arguments.of("bad timestamp", "{\"event_id\":\"evt_1\",\"event_type\":\"VIDEO_READY\",\"created_at\":\"yesterday\","
                        + "\"organization_id\":\"org_42\",\"payload\":{}}", "created_at: expected an RFC 3339 timestamp, got \"yesterday\""),
                Arguments.of("payload not an object", "{\"event_id\":\"evt_1\",\"event_type\":\"VIDEO_READY\","
                        + "\"created_at\":\"2026-11-26T12:00:00Z\",\"organization_id\":\"org_42\",\"payload\":\"x\"}",
                        "payload: expected an object, got a string"),
                Arguments.of("tags not strings", "{\"event_id\":\"evt_1\",\"event_type\":\"VIDEO_READY\","
                        + "\"created_at\":\"2026-11-26T12:00:00Z\",\"organization_id\":\"org_42\",\"payload\":{\"tags\":[\"a\",3]}}",
                        "payload.tags[1]: expected a string, got a number"),
                Arguments.of("duplicate field", "{\"event_id\":\"evt_1\",\"event_id\":\"evt_2\",\"event_type\":\"VIDEO_READY\","
                        + VALID_REST + "}", "not valid JSON: Duplicate field 'event_id'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEvents")
    void malformedEventGoesToInvalidTopicAsReceivedWithItsReason(String what, String value, String reason) {
        byte[] key = RouterDriver.utf8("key-" + what);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);

        router.publishRaw(key, bytes, new RecordHeaders());

        TestRecord<byte[], byte[]> invalid = router.invalid().get(0);
        assertThat(invalid.key()).isEqualTo(key);
        assertThat(invalid.value()).isEqualTo(bytes);
        assertThat(errorHeader(invalid)).startsWith(reason).doesNotContain("\n");
        assertThat(router.deliveries()).isEmpty();
        assertThat(router.count("mediahooks.router.invalid.records", "kind", "media_event")).isEqualTo(1);
    }

    @Test
    void tombstoneOnMediaEventsIsInvalidToo() {
        router.publishRaw(RouterDriver.utf8("org_42"), null, new RecordHeaders());

        TestRecord<byte[], byte[]> invalid = router.invalid().get(0);
        assertThat(invalid.value()).isNull();
        assertThat(errorHeader(invalid)).isEqualTo("empty record, expected a JSON object");
    }

    @Test
    void invalidEventKeepsItsHeadersAndTimestampAndGetsOneErrorHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", RouterDriver.utf8("00-abc-01"));
        headers.add("error", RouterDriver.utf8("an earlier reason"));

        router.publishRaw(null, RouterDriver.utf8("nope"), headers);

        TestRecord<byte[], byte[]> invalid = router.invalid().get(0);
        assertThat(invalid.headers().lastHeader("traceparent").value()).isEqualTo(RouterDriver.utf8("00-abc-01"));
        assertThat(invalid.headers().headers("error")).hasSize(1);
        assertThat(invalid.key()).isNull();
        assertThat(invalid.getRecordTime()).isEqualTo(RouterDriver.START);
    }

    @Test
    void routingGoesOnAfterInvalidEvents() {
        router.publishRaw(null, RouterDriver.utf8("garbage"), new RecordHeaders());
        router.publishRaw(null, new byte[] {(byte) 0xc3, 0x28}, new RecordHeaders());
        router.publish(event("org_42", "evt_1", EventType.VIDEO_READY));

        assertThat(router.invalid()).hasSize(2);
        assertThat(router.deliveries()).hasSize(1);
    }

    @Test
    void anEventWhoseDeliveryKafkaWouldRefuseIsSetAsideBeforeAnythingIsSent() {
        // Under exactly-once the producer's refusal would fail the transaction and the event would come back forever.
        router.close();
        router = new RouterDriver(Map.of(RouterConfig.PROCESSING_GUARANTEE.key(), "at_least_once",
                "MEDIAHOOKS_KAFKA_MAX_REQUEST_SIZE", "20000"));
        router.put(secrets("org_42"));
        router.put(webhook("wh_1", "org_42", EventType.VIDEO_READY));
        // 3,000 short strings: 15 KB as an event, 21 KB as a delivery, whose body is the payload escaped once more.
        String chapters = "[" + "\"ab\",".repeat(2_999) + "\"ab\"]";
        byte[] large = ("{\"event_id\":\"evt_big\",\"event_type\":\"VIDEO_READY\",\"created_at\":\"2026-11-26T12:00:00Z\","
                + "\"organization_id\":\"org_42\",\"payload\":{\"chapters\":" + chapters + "}}").getBytes(StandardCharsets.UTF_8);

        router.publishRaw(RouterDriver.utf8("org_42"), large, new RecordHeaders());
        router.publish(event("org_42", "evt_small", EventType.VIDEO_READY));

        assertThat(router.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.value()).isEqualTo(large);
            assertThat(errorHeader(invalid)).startsWith("processing failed: payload: its delivery to wh_1 would be about")
                    .contains("more than the 20000 bytes");
        });
        assertThat(router.deliveryValues()).extracting(delivery -> delivery.eventId().value()).containsExactly("evt_small");
    }

    @Test
    void anInvalidEventTooLargeForTheInvalidTopicKeepsItsReasonButNotItsValue() {
        router.close();
        router = new RouterDriver(Map.of(RouterConfig.PROCESSING_GUARANTEE.key(), "at_least_once",
                "MEDIAHOOKS_KAFKA_MAX_REQUEST_SIZE", "20000"));
        byte[] junk = "x".repeat(19_900).getBytes(StandardCharsets.UTF_8);

        router.publishRaw(RouterDriver.utf8("org_42"), junk, new RecordHeaders());

        assertThat(router.invalid()).singleElement().satisfies(invalid -> {
            assertThat(invalid.key()).isEqualTo(RouterDriver.utf8("org_42"));
            assertThat(invalid.value()).isNull();
            assertThat(errorHeader(invalid)).startsWith("not valid JSON: ")
                    .endsWith("; the value (19900 bytes) is not kept: with this header it would exceed 20000 bytes");
        });
    }

    private static String errorHeader(TestRecord<byte[], byte[]> record) {
        List<Header> errors = List.of(record.headers().headers("error").iterator().next());
        return new String(errors.get(0).value(), StandardCharsets.UTF_8);
    }
}
