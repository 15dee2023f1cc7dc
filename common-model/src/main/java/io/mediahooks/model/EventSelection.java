package io.mediahooks.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which event types a subscription wants: a set of types, or every type ({@code ["ALL"]}).
 *
 * @param all   true for {@code ALL}
 * @param types the chosen types; empty when {@code all}
 */
public record EventSelection(boolean all, Set<EventType> types) {

    /** The wire name that selects every type. */
    public static final String ALL = "ALL";

    public EventSelection {
        types = all ? Set.of() : Set.copyOf(types);
        if (!all && types.isEmpty()) {
            throw new IllegalArgumentException("an event selection names at least one type");
        }
    }

    public static EventSelection allTypes() {
        return new EventSelection(true, Set.of());
    }

    public static EventSelection of(EventType first, EventType... rest) {
        return new EventSelection(false, EnumSet.of(first, rest));
    }

    public boolean matches(EventType type) {
        return all || types.contains(type);
    }
}
