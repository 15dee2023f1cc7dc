package io.mediahooks.model;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record that breaks the contract of SPEC.md. The message is one line naming the field and
 * the problem ({@code event_type: unknown value VIDEO_EXPLODED}), fit for an {@code error} header.
 *
 * <p>It extends Kafka's {@link SerializationException} so that a deserializer throwing it is
 * handled by the client's deserialization error handling (a permanent, not a retriable, failure).
 */
public class InvalidRecordException extends SerializationException {

    private final String field;

    public InvalidRecordException(String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.field = field;
    }

    public InvalidRecordException(String field, String problem, Throwable cause) {
        super(field.isEmpty() ? problem : field + ": " + problem, cause);
        this.field = field;
    }

    /** The JSON path of the offending field ({@code payload.tags[2]}), or empty for the whole record. */
    public String field() {
        return field;
    }
}
