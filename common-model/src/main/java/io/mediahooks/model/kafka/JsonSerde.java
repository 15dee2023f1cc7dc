package io.mediahooks.model.kafka;

import io.mediahooks.model.json.JsonCodec;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka serde over a {@link JsonCodec}. A null value is a tombstone both ways; a record that
 * breaks the contract throws {@code InvalidRecordException} (a {@code SerializationException}),
 * so Kafka's deserialization handlers see it.
 */
public final class JsonSerde<T> implements Serde<T> {

    private final JsonCodec<T> codec;

    public JsonSerde(JsonCodec<T> codec) {
        this.codec = codec;
    }

    public JsonCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : codec.encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
    }
}
