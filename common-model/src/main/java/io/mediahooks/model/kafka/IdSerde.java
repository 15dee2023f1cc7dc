package io.mediahooks.model.kafka;

import io.mediahooks.model.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A typed id as a UTF-8 string key. */
public final class IdSerde<T> implements Serde<T> {

    private final Function<String, T> parse;
    private final Function<T, String> format;

    public IdSerde(Function<String, T> parse, Function<T, String> format) {
        this.parse = parse;
        this.format = format;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, id) -> id == null ? null : format.apply(id).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return parse.apply(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("key", e.getMessage(), e);
            }
        };
    }
}
