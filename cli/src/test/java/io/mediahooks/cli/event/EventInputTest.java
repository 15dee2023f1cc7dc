package io.mediahooks.cli.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.cli.CliException;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventInputTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00.123456Z");

    @Test
    void generatesIdAndTimestampAndPutsTagsInThePayload() {
        MediaEvent event = new EventInput("video_ready", "org_42", Optional.empty(), Optional.empty(), List.of("sports", "news"),
                Optional.of("{\"id\":\"vid_9\"}")).toEvent(NOW, new SecureRandom());

        assertThat(event.eventType()).isEqualTo(EventType.VIDEO_READY);
        assertThat(event.eventId().value()).matches("evt_[0-9a-f]{16}");
        assertThat(event.createdAt().text()).isEqualTo("2026-11-27T12:00:00.123Z");
        assertThat(event.tags()).containsExactly("sports", "news");
        assertThat(event.payload().get("id").asText()).isEqualTo("vid_9");
    }

    @Test
    void keepsTheGivenIdAndTime() {
        MediaEvent event = new EventInput("VIDEO_DELETED", "org_42", Optional.of("evt_1"), Optional.of("2026-11-26T12:00:00+01:00"),
                List.of(), Optional.empty()).toEvent(NOW, new SecureRandom());

        assertThat(event.eventId().value()).isEqualTo("evt_1");
        assertThat(event.createdAt().text()).isEqualTo("2026-11-26T12:00:00+01:00");
        assertThat(event.payload().isEmpty()).isTrue();
    }

    @Test
    void payloadThatIsNotAJsonObjectIsReportedAgainstItsFlag() {
        assertThatThrownBy(() -> input(List.of(), "[1,2]").toEvent(NOW, new SecureRandom()))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("--payload: expected a JSON object, got an array");
        assertThatThrownBy(() -> input(List.of(), "{\"id\":").toEvent(NOW, new SecureRandom()))
                .hasMessageStartingWith("--payload: not valid JSON");
    }

    @Test
    void tagsGivenTwiceAreRefused() {
        assertThatThrownBy(() -> input(List.of("a"), "{\"tags\":[\"b\"]}").toEvent(NOW, new SecureRandom()))
                .hasMessageContaining("--tags: the --payload already has tags");
    }

    @Test
    void nonStringTagsInThePayloadAreReportedAgainstThePayloadFlag() {
        assertThatThrownBy(() -> input(List.of(), "{\"tags\":[1]}").toEvent(NOW, new SecureRandom()))
                .hasMessage("--payload (payload.tags[0]): expected a string, got a number")
                .isInstanceOf(CliException.class);
    }

    @Test
    void unknownTypeAndBadTimestampAreNamed() {
        assertThatThrownBy(() -> new EventInput("VIDEO_EXPLODED", "org_42", Optional.empty(), Optional.empty(), List.of(),
                Optional.empty()).toEvent(NOW, new SecureRandom()))
                .hasMessageStartingWith("--type: unknown event type 'VIDEO_EXPLODED'");
        assertThatThrownBy(() -> new EventInput("VIDEO_READY", "org_42", Optional.empty(), Optional.of("yesterday"), List.of(),
                Optional.empty()).toEvent(NOW, new SecureRandom()))
                .hasMessageStartingWith("--created-at: expected an RFC 3339 timestamp");
    }

    private static EventInput input(List<String> tags, String payload) {
        return new EventInput("VIDEO_READY", "org_42", Optional.empty(), Optional.empty(), tags, Optional.of(payload));
    }
}
