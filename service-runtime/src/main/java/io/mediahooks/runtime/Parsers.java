package io.mediahooks.runtime;

import io.mediahooks.model.retry.Durations;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Parsers for setting values; each throws {@link IllegalArgumentException} saying what it expected. */
public final class Parsers {

    private Parsers() {
    }

    public static String nonBlank(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return text;
    }

    public static Function<String, Integer> intBetween(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, got '" + text + "'", e);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("expected a number from " + min + " to " + max + ", got " + value);
            }
            return value;
        };
    }

    public static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        };
    }

    public static Duration duration(String text) {
        return Durations.parse(text);
    }

    /** An empty text means "not set" (for example: use the broker's default). */
    public static <T> Function<String, Optional<T>> optional(Function<String, T> parser) {
        return text -> text.isBlank() ? Optional.empty() : Optional.of(parser.apply(text));
    }
}
