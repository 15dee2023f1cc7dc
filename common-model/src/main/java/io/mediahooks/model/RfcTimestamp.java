package io.mediahooks.model;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * An RFC 3339 timestamp as it was written, with the instant it denotes. The text is kept so the
 * body a customer receives carries {@code created_at} exactly as the producer wrote it.
 *
 * <p>Accepted: {@code yyyy-mm-ddThh:mm:ss[.f{1,9}](Z|±hh:mm)}, ASCII digits at fixed positions,
 * {@code T}, {@code t} or a space between date and time, {@code Z} or {@code z}. Rejected as not a
 * valid date or time (as {@code OffsetDateTime} with {@code ISO_OFFSET_DATE_TIME} rejected them
 * before this parser replaced it): month 00 or 13, a day past its month's end (Feb 29 only in leap
 * years of the proleptic Gregorian calendar: 2000 and 2024 yes, 1900 and 2023 no), hour 24, minute
 * 60, second 60 (RFC 3339 allows a leap second, java.time never did), an offset minute over 59 or
 * an offset beyond ±18:00. Hand-written because the worker parses two timestamps per delivery and
 * the regex plus {@code OffsetDateTime.parse} was 11% of its CPU.
 */
public record RfcTimestamp(String text, Instant instant) {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int MAX_OFFSET_SECONDS = 18 * 3_600;
    /** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
    private static final long DAYS_0000_TO_1970 = 719_468;

    /** Parses {@code text}, throwing {@link IllegalArgumentException} when it is not RFC 3339. */
    public static RfcTimestamp parse(String text) {
        int fractionEnd = text == null ? -1 : fractionEnd(text);
        if (fractionEnd < 0 || !isOffset(text, fractionEnd)) {
            throw new IllegalArgumentException("not an RFC 3339 timestamp: " + text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int offsetSeconds = offsetSeconds(text, fractionEnd);
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || hour > 23 || minute > 59 || second > 59 || offsetSeconds == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("not a valid date or time: " + text);
        }
        long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return new RfcTimestamp(text, Instant.ofEpochSecond(seconds, nanos(text, fractionEnd)));
    }

    /** The canonical UTC form of an instant ({@code 2026-11-26T12:00:00Z}). */
    public static RfcTimestamp of(Instant instant) {
        return new RfcTimestamp(DateTimeFormatter.ISO_INSTANT.format(instant), instant);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Checks {@code yyyy-mm-ddThh:mm:ss[.f{1,9}]} and returns where it ends, or -1 when the text does not start so. */
    private static int fractionEnd(String text) {
        if (text.length() < 20 || !areDigits(text, 0, 4) || text.charAt(4) != '-' || !areDigits(text, 5, 2)
                || text.charAt(7) != '-' || !areDigits(text, 8, 2) || !isSeparator(text.charAt(10))
                || !areDigits(text, 11, 2) || text.charAt(13) != ':' || !areDigits(text, 14, 2)
                || text.charAt(16) != ':' || !areDigits(text, 17, 2)) {
            return -1;
        }
        if (text.charAt(19) != '.') {
            return 19;
        }
        int end = 20;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        int fractionDigits = end - 20;
        return fractionDigits >= 1 && fractionDigits <= 9 ? end : -1;
    }

    /** {@code Z}, {@code z} or {@code ±hh:mm} from {@code start} to the end of the text. */
    private static boolean isOffset(String text, int start) {
        int length = text.length() - start;
        if (length == 1) {
            char c = text.charAt(start);
            return c == 'Z' || c == 'z';
        }
        if (length != 6) {
            return false;
        }
        char sign = text.charAt(start);
        return (sign == '+' || sign == '-') && areDigits(text, start + 1, 2)
                && text.charAt(start + 3) == ':' && areDigits(text, start + 4, 2);
    }

    /** The offset in seconds east of UTC, or {@link Integer#MIN_VALUE} when it is out of range. */
    private static int offsetSeconds(String text, int start) {
        if (text.length() - start == 1) {
            return 0;
        }
        int hours = digits(text, start + 1, 2);
        int minutes = digits(text, start + 4, 2);
        int seconds = hours * 3_600 + minutes * 60;
        if (minutes > 59 || seconds > MAX_OFFSET_SECONDS) {
            return Integer.MIN_VALUE;
        }
        return text.charAt(start) == '-' ? -seconds : seconds;
    }

    /** The fraction after the seconds ({@code .5} is 500,000,000 ns), 0 without one. */
    private static int nanos(String text, int fractionEnd) {
        int nanos = 0;
        for (int i = 20; i < fractionEnd; i++) {
            nanos = nanos * 10 + (text.charAt(i) - '0');
        }
        for (int i = Math.max(fractionEnd, 20); i < 29; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (years 0 to 9999), counting from March. */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - DAYS_0000_TO_1970;
    }

    private static boolean isSeparator(char c) {
        return c == 'T' || c == 't' || c == ' ';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean areDigits(String text, int start, int count) {
        for (int i = start; i < start + count; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }
}
