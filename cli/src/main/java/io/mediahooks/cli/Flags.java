package io.mediahooks.cli;

import java.util.function.Function;
import java.util.function.Supplier;

/** Turns a flag's text into a value, or into a usage error that names the flag. */
public final class Flags {

    private Flags() {
    }

    /** {@code parser} applied to {@code text}; its {@link IllegalArgumentException} becomes {@code "<flag>: <reason>"}. */
    public static <T> T parse(String flag, String text, Function<String, T> parser) {
        return parse(flag, () -> parser.apply(text));
    }

    /** The value {@code parser} gives; its {@link IllegalArgumentException} becomes {@code "<flag>: <reason>"}. */
    public static <T> T parse(String flag, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (CliException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw CliException.usage(flag + ": " + e.getMessage(), e);
        }
    }
}
