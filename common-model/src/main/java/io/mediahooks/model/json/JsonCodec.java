package io.mediahooks.model.json;

/** Turns one kind of record into JSON bytes and back; decoding throws {@code InvalidRecordException}. */
public interface JsonCodec<T> {

    T decode(byte[] bytes);

    byte[] encode(T value);
}
