package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.InvalidRecordException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Every record is strict UTF-8: what Jackson alone lets through is refused before it reaches a customer. */
class Utf8Test {

    private static byte[] eventWithNameBytes(byte... inName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("""
                {"event_id":"evt_1","event_type":"VIDEO_READY","created_at":"2026-11-26T12:00:00Z",
                 "organization_id":"org_42","payload":{"name":"a""".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(inName);
        out.writeBytes("b\"}}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void acceptsMultiByteCharacters() {
        byte[] record = eventWithNameBytes("é€😀".getBytes(StandardCharsets.UTF_8));
        assertThat(MediaEventCodec.INSTANCE.decode(record).payload().get("name").textValue()).isEqualTo("aé€😀b");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "C0AF",        // overlong '/': Jackson alone reads it as '/'
        "E080AF",      // overlong, three bytes
        "F4908080",    // beyond U+10FFFF: Jackson alone makes two broken surrogates of it
        "EDA080",      // an encoded surrogate
        "FF",          // never valid
        "80",          // a continuation byte with no start
        "C3"           // a sequence cut short
    })
    void refusesMalformedSequencesNamingTheByte(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        assertThatThrownBy(() -> MediaEventCodec.INSTANCE.decode(eventWithNameBytes(bad)))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("not valid JSON: invalid UTF-8 at byte ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE", "UTF-32LE"})
    void refusesARecordInAnotherUnicodeEncodingThatJacksonAloneWouldDetectAndRead(String charset) {
        byte[] record = new String(eventWithNameBytes(), StandardCharsets.UTF_8).getBytes(java.nio.charset.Charset.forName(charset));
        assertThatThrownBy(() -> MediaEventCodec.INSTANCE.decode(record))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("not valid JSON: a NUL byte at byte ")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void refusesANulByteAfterMultiByteCharacters() {
        byte[] record = eventWithNameBytes(new byte[] {(byte) 0xC3, (byte) 0xA9, 0});
        assertThatThrownBy(() -> MediaEventCodec.INSTANCE.decode(record))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith("not valid JSON: a NUL byte at byte ");
    }

    @Test
    void theAsciiPrefixEndsAtTheFirstNulOrHighByteWhereverItFallsInAWord() {
        byte[] fillers = {1, 'a', 0x7F};
        byte[] stoppers = {0, (byte) 0x80, (byte) 0xC3, (byte) 0xFF};
        for (int length = 0; length <= 40; length++) {
            for (byte filler : fillers) {
                byte[] ascii = new byte[length];
                java.util.Arrays.fill(ascii, filler);
                assertThat(Utf8.asciiPrefix(ascii)).as("all %d bytes 0x%02x", length, filler).isEqualTo(length);
                for (int at = 0; at < length; at++) {
                    for (byte stopper : stoppers) {
                        byte[] bytes = ascii.clone();
                        bytes[at] = stopper;
                        if (at + 1 < length) {
                            bytes[at + 1] = 0; // a second stopper after the first must not move the answer
                        }
                        assertThat(Utf8.asciiPrefix(bytes)).as("length %d, 0x%02x at %d", length, stopper, at).isEqualTo(at);
                    }
                }
            }
        }
    }
}
