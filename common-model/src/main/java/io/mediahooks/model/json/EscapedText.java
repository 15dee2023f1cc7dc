package io.mediahooks.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;

/**
 * A delivery body as a JSON string value, escaped once per event rather than once per delivery:
 * the router writes the same body (the same {@code String}) into each of an event's deliveries, so
 * each thread remembers the last body it escaped, by identity. The bytes are exactly what the
 * generator's own escaping writes.
 */
final class EscapedText {

    private static final ThreadLocal<EscapedText> LAST = new ThreadLocal<>();

    private final String text;
    private final byte[] escaped;

    private EscapedText(String text, byte[] escaped) {
        this.text = text;
        this.escaped = escaped;
    }

    /** Writes {@code text} as a JSON string value. */
    static void write(JsonGenerator json, String text) throws IOException {
        EscapedText last = LAST.get();
        if (last == null || last.text != text) {
            if (hasSurrogate(text)) {
                // The generator writes characters beyond U+FFFF as escaped pairs, the encoder as raw UTF-8: let the generator.
                json.writeString(text);
                return;
            }
            last = new EscapedText(text, JsonStringEncoder.getInstance().quoteAsUTF8(text));
            LAST.set(last);
        }
        json.writeRawUTF8String(last.escaped, 0, last.escaped.length);
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
