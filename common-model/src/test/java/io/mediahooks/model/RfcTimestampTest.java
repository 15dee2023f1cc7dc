package io.mediahooks.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hand-written parser accepts and rejects exactly what the regex plus
 * {@code OffsetDateTime.parse(ISO_OFFSET_DATE_TIME)} it replaced did, with the same messages.
 */
class RfcTimestampTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2026-11-26T12:00:00Z                | 2026-11-26T12:00:00Z",
        "2026-11-26t12:00:00z                | 2026-11-26T12:00:00Z",
        "2026-11-26 12:00:00Z                | 2026-11-26T12:00:00Z",
        "2026-11-26T12:00:00.5Z              | 2026-11-26T12:00:00.500Z",
        "2026-11-26T12:00:00.000000001Z      | 2026-11-26T12:00:00.000000001Z",
        "2026-11-26T12:00:00.123456789+01:30 | 2026-11-26T10:30:00.123456789Z",
        "2026-11-26T12:00:00-00:00           | 2026-11-26T12:00:00Z",
        "2026-11-26T12:00:00+18:00           | 2026-11-25T18:00:00Z",
        "2026-11-26T12:00:00-18:00           | 2026-11-27T06:00:00Z",
        "2024-02-29T23:59:59Z                | 2024-02-29T23:59:59Z",
        "2000-02-29T00:00:00Z                | 2000-02-29T00:00:00Z",
        "0000-01-01T00:00:00+01:00           | -0001-12-31T23:00:00Z",
        "9999-12-31T23:59:59.999999999-18:00 | +10000-01-01T17:59:59.999999999Z",
        "1969-12-31T23:59:59.9Z              | 1969-12-31T23:59:59.900Z",
    })
    void acceptsRfc3339AndKeepsTheTextAsWritten(String text, String instant) {
        RfcTimestamp parsed = RfcTimestamp.parse(text);

        assertThat(parsed.instant()).isEqualTo(Instant.parse(instant));
        assertThat(parsed.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-11-26", "2026-11-26T12:00Z", "2026-11-26T12:00:00", "2026-11-26T12:00:00.Z",
        "2026-11-26T12:00:00.1234567890Z", "2026-11-26T12:00:00.5", "2026-11-26X12:00:00Z", "+2026-11-26T12:00:00Z",
        "26-11-26T12:00:00Z", "2026-11-26T12:00:00+0100", "2026-11-26T12:00:00+01", "2026-11-26T12:00:00+01:00:00",
        "2026-11-26T12:00:00UTC", "2026-11-26T12:00:00 Z", "2026-1a-26T12:00:00Z", "2026-11-26T12:00:00Zz",
        "\u0662026-11-26T12:00:00Z", "2026/11/26T12:00:00Z", "2026-11-26T12-00-00Z"})
    void rejectsWhatIsNotShapedLikeRfc3339(String text) {
        assertThatThrownBy(() -> RfcTimestamp.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an RFC 3339 timestamp: " + text);
    }

    @Test
    void rejectsNullAsNotRfc3339() {
        assertThatThrownBy(() -> RfcTimestamp.parse(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not an RFC 3339 timestamp: null");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-02-30T00:00:00Z",
        "2026-00-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-00T00:00:00Z", "2026-12-32T00:00:00Z",
        "2026-11-26T24:00:00Z", "2026-11-26T23:60:00Z", "2026-12-31T23:59:60Z", "2026-11-26T12:00:00+18:01",
        "2026-11-26T12:00:00-19:00", "2026-11-26T12:00:00+05:60", "2026-11-26T12:00:00+99:99"})
    void rejectsImpossibleDatesTimesAndOffsetsIncludingLeapSecondsAndHour24(String text) {
        assertThatThrownBy(() -> RfcTimestamp.parse(text))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a valid date or time: " + text);
    }

    @Test
    void agreesWithJavaTimeOnEveryDayOfLeapAndCenturyYearsAndRandomTimes() {
        Random random = new Random(42);
        List<String> texts = new ArrayList<>();
        for (int year : new int[] {0, 1, 4, 1600, 1899, 1900, 1970, 1999, 2000, 2023, 2024, 2100, 9999}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    texts.add(String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d%s%s", year, month, day,
                            "Tt ".charAt(random.nextInt(3)), random.nextInt(25), random.nextInt(61), random.nextInt(61),
                            fraction(random), offset(random)));
                }
            }
        }

        for (String text : texts) {
            Optional<Instant> expected = javaTime(text);
            if (expected.isPresent()) {
                assertThat(RfcTimestamp.parse(text).instant()).as(text).isEqualTo(expected.get());
            } else {
                assertThatThrownBy(() -> RfcTimestamp.parse(text)).as(text)
                        .hasMessage("not a valid date or time: " + text);
            }
        }
    }

    @Test
    void ofWritesTheCanonicalUtcFormThatParsesBack() {
        Instant instant = Instant.parse("2026-11-26T12:00:00.250Z");

        RfcTimestamp written = RfcTimestamp.of(instant);

        assertThat(written.text()).isEqualTo("2026-11-26T12:00:00.250Z");
        assertThat(RfcTimestamp.parse(written.text())).isEqualTo(written);
    }

    private static String fraction(Random random) {
        int digits = random.nextInt(10);
        StringBuilder fraction = new StringBuilder(digits == 0 ? "" : ".");
        for (int i = 0; i < digits; i++) {
            fraction.append(random.nextInt(10));
        }
        return fraction.toString();
    }

    private static String offset(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextBoolean() ? "Z" : "z";
            default -> String.format(Locale.ROOT, "%c%02d:%02d", random.nextBoolean() ? '+' : '-', random.nextInt(20), random.nextInt(61));
        };
    }

    /** The oracle: what the implementation this parser replaced computed (its regex holds for every generated text). */
    private static Optional<Instant> javaTime(String text) {
        try {
            String normalized = text.toUpperCase(Locale.ROOT).replace(' ', 'T');
            return Optional.of(OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
