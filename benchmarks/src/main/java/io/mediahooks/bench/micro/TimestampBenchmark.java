package io.mediahooks.bench.micro;

import io.mediahooks.model.RfcTimestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What parsing one RFC 3339 timestamp costs (the worker parses two per delivery): today's
 * hand-written {@link RfcTimestamp#parse} next to what it replaced, the regex plus
 * {@code OffsetDateTime.parse}, kept here as the baseline of the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TimestampBenchmark {

    private static final Pattern RFC_3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private final String text = "2026-11-26T12:00:00.123Z";

    @Benchmark
    public Instant parse() {
        return RfcTimestamp.parse(text).instant();
    }

    @Benchmark
    public Instant parseBefore() {
        if (!RFC_3339.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        String normalized = text.toUpperCase(Locale.ROOT).replace(' ', 'T');
        return OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
