package io.mediahooks.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kinds of media event of SPEC.md; the wire name is the constant's name. */
public enum EventType {
    VIDEO_READY,
    VIDEO_UPDATED,
    VIDEO_DELETED,
    PLAYLIST_CREATED,
    PLAYLIST_UPDATED,
    PLAYLIST_DELETED,
    LIVESTREAM_CREATED,
    LIVESTREAM_UPDATED,
    LIVESTREAM_DELETED,
    LIVESTREAM_CONNECTED,
    LIVESTREAM_DISCONNECTED,
    LIVESTREAM_ERROR,
    LIVESOURCE_CREATED,
    LIVESOURCE_UPDATED,
    LIVESOURCE_DELETED,
    LIVESOURCE_CONNECTED,
    LIVESOURCE_DISCONNECTED;

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    /** The type with this exact wire name, if there is one (names are case-sensitive); once per record decoded. */
    public static Optional<EventType> fromWireName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
