package io.mediahooks.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.InvalidRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one JSON configuration of mediahooks: strict on input, faithful to payload numbers. */
public final class Json {

    /**
     * Duplicate keys are rejected (they are ambiguous), trailing garbage is rejected, and numbers
     * keep their exact text (1.10 stays 1.10) because payloads are passed on to customers.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private Json() {
    }

    /** Parses a record that must be one JSON object; the error names what is wrong. */
    public static ObjectNode parseObject(byte[] bytes) {
        return parseObject(bytes, false);
    }

    /**
     * Like {@link #parseObject(byte[])}, but a syntax error is reported by its position only: the
     * parser's own message may quote the text it stumbled on ({@code Unrecognized token 'whsec_…'}),
     * and a record holding secrets must not put them into a log line or a header.
     */
    public static ObjectNode parseSecretObject(byte[] bytes) {
        return parseObject(bytes, true);
    }

    private static ObjectNode parseObject(byte[] bytes, boolean withholdText) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidRecordException("", "empty record, expected a JSON object");
        }
        Utf8.requireWellFormed(bytes);
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidRecordException("", "not valid JSON: " + (withholdText ? position(e) : oneLine(e.getOriginalMessage())), e);
        } catch (IOException e) {
            throw new InvalidRecordException("", "not valid JSON: " + (withholdText ? "unreadable" : oneLine(e.getMessage())), e);
        } catch (NumberFormatException e) {
            // A number Java cannot hold, such as 1e9999999999 (the exponent overflows BigDecimal's).
            throw new InvalidRecordException("", "not valid JSON: a number out of range", e);
        }
        if (node == null || node.isMissingNode()) {
            throw new InvalidRecordException("", "empty record, expected a JSON object");
        }
        if (!node.isObject()) {
            throw new InvalidRecordException("", "expected a JSON object, got " + JsonFields.kind(node));
        }
        return (ObjectNode) node;
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
    }

    /** What writes one record with a streaming generator. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * A record written field by field with a streaming generator: for the records written once per
     * delivery or attempt, where building a tree first costs more than the writing.
     */
    static byte[] stream(int expectedSize, Writer writer) {
        ByteArrayBuilder out = new ByteArrayBuilder(expectedSize);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            writer.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    public static String writeString(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a JSON tree always serializes", e);
        }
    }

    private static String position(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String at = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return "syntax error" + at + " (the parser's message is withheld: the record holds secrets)";
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
