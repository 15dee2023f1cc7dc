package io.mediahooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void everyTypeIsFoundByItsExactWireName() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWireName(type.name())).contains(type);
        }
    }

    @Test
    void namesAreCaseSensitiveAndUnknownNamesFindNothing() {
        assertThat(EventType.fromWireName("video_ready")).isEmpty();
        assertThat(EventType.fromWireName("VIDEO_READY ")).isEmpty();
        assertThat(EventType.fromWireName("ALL")).isEmpty();
        assertThat(EventType.fromWireName("")).isEmpty();
        assertThat(EventType.fromWireName(null)).isEmpty();
    }
}
