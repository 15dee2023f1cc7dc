package io.mediahooks.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One environment setting: its key, its default (absent for a required setting), what it is for,
 * and how its text becomes a value. Services list their settings as constants, the way Kafka's
 * config classes pair each {@code FOO_CONFIG} with {@code FOO_DOC}.
 */
public record Setting<T>(String key, Optional<String> defaultValue, String doc, Function<String, T> parser) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(parser, "parser");
    }

    public static <T> Setting<T> of(String key, String defaultValue, String doc, Function<String, T> parser) {
        return new Setting<>(key, Optional.of(defaultValue), doc, parser);
    }

    /** A setting that has no default: start-up fails without it. */
    public static <T> Setting<T> required(String key, String doc, Function<String, T> parser) {
        return new Setting<>(key, Optional.empty(), doc, parser);
    }
}
