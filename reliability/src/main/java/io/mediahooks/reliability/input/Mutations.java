package io.mediahooks.reliability.input;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Ways to damage a valid JSON record so that it is certainly invalid, each pure and seeded. A
 * damage that might by chance leave a valid record (a bit flip inside a string) is not used: a
 * "bad" record that still decodes would make the scenario's expectations wrong.
 */
public final class Mutations {

    /** One megabyte, as the issue counts it: below Kafka's default 1 MiB record limit. */
    public static final int ONE_MB = 1_000_000;
    /** Nesting depth of the deep records: ten times the parser's limit of 1,000. */
    public static final int DEEP = 10_000;

    /**
     * Byte sequences that are not UTF-8, with what is wrong. Some of them (overlong forms, beyond
     * U+10FFFF) a lenient decoder reads as text; strict UTF-8 refuses every one.
     */
    public static final List<String[]> INVALID_UTF8 = List.of(
            new String[] {"ff", "FF, never valid"},
            new String[] {"80", "a continuation byte with no start"},
            new String[] {"c3", "a two-byte sequence cut short"},
            new String[] {"c0af", "overlong '/'"},
            new String[] {"e080af", "overlong '/' in three bytes"},
            new String[] {"f4908080", "beyond U+10FFFF"},
            new String[] {"eda080", "an encoded surrogate"});

    private Mutations() {
    }

    /** The first {@code 1..length-1} bytes: always cut before the closing brace. */
    public static byte[] truncate(byte[] valid, Random random) {
        int cut = 1 + random.nextInt(valid.length - 1);
        return Arrays.copyOf(valid, cut);
    }

    /**
     * Flips one bit of one unescaped double quote. A valid JSON text has an even number of them (they
     * open and close strings); a flipped one is never a quote, so the text cannot be valid any more.
     */
    public static byte[] flipQuoteBit(byte[] valid, Random random) {
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < valid.length; i++) {
            if (valid[i] == '"' && (i == 0 || valid[i - 1] != '\\')) {
                quotes.add(i);
            }
        }
        if (quotes.isEmpty()) {
            throw new IllegalArgumentException("no quote to flip");
        }
        byte[] flipped = valid.clone();
        int at = quotes.get(random.nextInt(quotes.size()));
        flipped[at] = (byte) (flipped[at] ^ (1 << random.nextInt(8)));
        return flipped;
    }

    /** Puts {@code hexBytes} right after the opening quote of the value of {@code field} (a string field). */
    public static byte[] invalidUtf8In(byte[] valid, String field, String hexBytes) {
        String text = new String(valid, StandardCharsets.UTF_8);
        String marker = "\"" + field + "\":\"";
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalArgumentException("no string field " + field);
        }
        int insert = text.substring(0, at + marker.length()).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, insert);
        out.writeBytes(HexFormat.of().parseHex(hexBytes));
        out.write(valid, insert, valid.length - insert);
        return out.toByteArray();
    }

    /** Adds {@code "field": rawJsonValue} at the end of the top-level object (once more, if it is there already). */
    public static byte[] duplicateField(byte[] valid, String field, String rawJsonValue) {
        String text = new String(valid, StandardCharsets.UTF_8);
        int close = text.lastIndexOf('}');
        return (text.substring(0, close) + ",\"" + field + "\":" + rawJsonValue + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code depth} nested arrays, closed: {@code [[[...]]]}. */
    public static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** {@code depth} nested objects: {@code {"a":{"a":...{}}}}. */
    public static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    /** A JSON string of {@code length} letters, quoted. */
    public static String longString(int length) {
        return "\"" + "x".repeat(length) + "\"";
    }

    /** {@code length} random bytes with no valid UTF-8 start (every byte at least 0x80): never JSON. */
    public static byte[] junk(int length, Random random) {
        byte[] junk = new byte[length];
        random.nextBytes(junk);
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (junk[i] | 0x80);
        }
        return junk;
    }
}
