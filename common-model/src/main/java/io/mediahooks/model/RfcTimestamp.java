package io.mediahooks.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An RFC 3339 timestamp as it was written, with the instant it denotes. The text is kept so the
 * body a customer receives carries {@code created_at} exactly as the producer wrote it.
 */
public record RfcTimestamp(String text, Instant instant) {

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    /** Parses {@code text}, throwing {@link IllegalArgumentException} when it is not RFC 3339. */
    public static RfcTimestamp parse(String text) {
        if (text == null || !RFC_3339.matcher(text).matches()) {
            throw new IllegalArgumentException("not an RFC 3339 timestamp: " + text);
        }
        String normalized = text.toUpperCase(Locale.ROOT).replace(' ', 'T');
        try {
            return new RfcTimestamp(text, OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid date or time: " + text, e);
        }
    }

    /** The canonical UTC form of an instant ({@code 2026-11-26T12:00:00Z}). */
    public static RfcTimestamp of(Instant instant) {
        return new RfcTimestamp(DateTimeFormatter.ISO_INSTANT.format(instant), instant);
    }

    @Override
    public String toString() {
        return text;
    }
}
