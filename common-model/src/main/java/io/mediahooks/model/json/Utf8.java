package io.mediahooks.model.json;

import io.mediahooks.model.InvalidRecordException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 (RFC 3629) for every record: Jackson reads overlong forms ({@code C0 AF} as '/') and
 * sequences beyond U+10FFFF without complaint, and would pass a corrupted payload on to customers
 * as if it were text. The JDK's decoder rejects both, as well as encoded surrogates. A NUL byte
 * is refused too: JSON never holds one, and Jackson takes NULs among the first bytes as the sign of
 * UTF-16 or UTF-32 text and reads it, so a record in another encoding would otherwise pass.
 */
final class Utf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8() {
    }

    /** Throws naming the byte offset when {@code bytes} is not well-formed UTF-8 or holds a NUL; ASCII costs one scan. */
    static void requireWellFormed(byte[] bytes) {
        int firstNonAscii = asciiPrefix(bytes);
        if (firstNonAscii == bytes.length) {
            return;
        }
        requireNoNul(bytes, firstNonAscii);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, firstNonAscii, bytes.length - firstNonAscii);
        try {
            decoder.decode(input);
        } catch (CharacterCodingException e) {
            throw new InvalidRecordException("", "not valid JSON: invalid UTF-8 at byte " + input.position(), e);
        }
    }

    /**
     * How many bytes at the start are ASCII other than NUL (1 to 127): eight at a time while no byte
     * of the eight has its high bit set or is zero, then one at a time from the first eight that holds one.
     */
    static int asciiPrefix(byte[] bytes) {
        int at = 0;
        for (; at + Long.BYTES <= bytes.length; at += Long.BYTES) {
            long word = (long) LONGS.get(bytes, at);
            // (word - 0x01..01) & ~word has a high bit set in some byte exactly when a byte of word is zero.
            if (((((word - ONES) & ~word) | word) & HIGH_BITS) != 0) {
                break;
            }
        }
        while (at < bytes.length && bytes[at] > 0) {
            at++;
        }
        return at;
    }

    private static void requireNoNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InvalidRecordException("", "not valid JSON: a NUL byte at byte " + i
                        + " (records are UTF-8 JSON; UTF-16 or UTF-32 text is refused)");
            }
        }
    }
}
