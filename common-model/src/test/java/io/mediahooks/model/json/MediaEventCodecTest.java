package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.MediaEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaEventCodecTest {

    static final String SPEC_EVENT = """
            {"event_id":"evt_7b1c0e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z",
             "organization_id":"org_42","payload":{"id":"vid_9","name":"Final","tags":["sports","highlights"]}}""";

    private static MediaEvent decode(String json) {
        return MediaEventCodec.INSTANCE.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheSpecExample() {
        MediaEvent event = decode(SPEC_EVENT);
        assertThat(event.eventId().value()).isEqualTo("evt_7b1c0e");
        assertThat(event.eventType()).isEqualTo(EventType.VIDEO_READY);
        assertThat(event.createdAt().instant()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(event.organizationId().value()).isEqualTo("org_42");
        assertThat(event.tags()).containsExactly("sports", "highlights");
    }

    @Test
    void bodyHasSpecFieldOrderAndKeepsPayloadAndTimestampVerbatim() {
        MediaEvent event = decode("""
                {"payload":{"b":1.10,"a":[1e3,12345678901234567890],"s":"Finäl ✓"},"organization_id":"org_42",
                 "created_at":"2026-11-26T13:00:00.500+01:00","event_type":"VIDEO_READY","event_id":"evt_1"}""");
        assertThat(MediaEventCodec.deliveryBody(event)).isEqualTo(
                "{\"event_type\":\"VIDEO_READY\",\"event_id\":\"evt_1\",\"created_at\":\"2026-11-26T13:00:00.500+01:00\","
                        + "\"payload\":{\"b\":1.10,\"a\":[1E+3,12345678901234567890],\"s\":\"Finäl ✓\"}}");
    }

    @Test
    void roundTripsThroughEncode() {
        MediaEvent event = decode(SPEC_EVENT);
        assertThat(MediaEventCodec.INSTANCE.decode(MediaEventCodec.INSTANCE.encode(event))).isEqualTo(event);
    }

    @Test
    void eventWithoutTagsHasNone() {
        assertThat(decode(SPEC_EVENT.replace(",\"tags\":[\"sports\",\"highlights\"]", "")).tags()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON            | {"event_id":                                                                        | not valid JSON
            an array            | [1,2]                                                                               | expected a JSON object, got an array
            empty               | ''                                                                                  | empty record
            trailing garbage    | {"event_id":"e"} x                                                                  | not valid JSON
            duplicate key       | {"event_id":"a","event_id":"b"}                                                     | not valid JSON: Duplicate field 'event_id'
            missing event_id    | {"event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{}} | event_id: required field is missing
            blank event_id      | {"event_id":" ","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{}} | event_id: must not be blank
            numeric event_id    | {"event_id":7,"event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{}} | event_id: expected a string, got a number
            unknown type        | {"event_id":"e","event_type":"VIDEO_EXPLODED","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{}} | event_type: unknown value VIDEO_EXPLODED
            ALL is no event     | {"event_id":"e","event_type":"ALL","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{}} | event_type: unknown value ALL
            missing type        | {"event_id":"e","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{}} | event_type: required field is missing
            bad created_at      | {"event_id":"e","event_type":"VIDEO_READY","created_at":"yesterday","organization_id":"o","payload":{}} | created_at: expected an RFC 3339 timestamp, got "yesterday"
            created_at no zone  | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00","organization_id":"o","payload":{}} | created_at: expected an RFC 3339 timestamp
            impossible date     | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-02-30T12:00:00Z","organization_id":"o","payload":{}} | created_at: expected an RFC 3339 timestamp
            missing created_at  | {"event_id":"e","event_type":"VIDEO_READY","organization_id":"o","payload":{}}      | created_at: required field is missing
            missing org         | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","payload":{}} | organization_id: required field is missing
            missing payload     | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o"} | payload: required field is missing
            null payload        | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":null} | payload: required field is missing
            payload not object  | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":[1]} | payload: expected an object, got an array
            tags not array      | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{"tags":"sports"}} | payload.tags: expected an array of strings, got a string
            tag not string      | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{"tags":["a",3]}} | payload.tags[1]: expected a string, got a number
            number out of range | {"event_id":"e","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z","organization_id":"o","payload":{"size":1e9999999999}} | not valid JSON: a number out of range
            """)
    void malformedEventGetsAnErrorNamingTheField(String kind, String json, String expected) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void invalidUtf8IsRejectedNotGarbled() {
        byte[] bytes = {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThatThrownBy(() -> MediaEventCodec.INSTANCE.decode(bytes))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("not valid JSON");
    }
}
