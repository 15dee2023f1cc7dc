package io.mediahooks.router.errors;

import io.mediahooks.model.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Builds the records of {@code media-events-invalid}: the bytes as received, the reason in header {@code error}. */
final class InvalidRecords {

    /** The header that carries the one-line reason. */
    static final String ERROR_HEADER = "error";
    private static final int MAX_REASON_LENGTH = 1000;

    private InvalidRecords() {
    }

    /**
     * The rejected record as it was received, with its original headers and timestamp; partitioned by
     * its key like any producer's record.
     */
    static ProducerRecord<byte[], byte[]> of(String topic, byte[] key, byte[] value, Headers original, long timestamp,
                                             String reason, int maxRecordBytes) {
        Headers headers = new RecordHeaders(original == null ? new RecordHeaders().toArray() : original.toArray());
        // A record replayed from the invalid topic carries its earlier reason: keep only the new one.
        headers.remove(ERROR_HEADER);
        String error = reason;
        byte[] kept = value;
        if (size(key, value, headers, reason) > maxRecordBytes) {
            // Under exactly-once a record the producer refuses would fail the whole transaction, and the event would
            // come back forever: keep its key, headers and reason; the value stays in the input topic until retention.
            error = reason + "; the value (" + (value == null ? 0 : value.length) + " bytes) is not kept: with this header it would exceed "
                    + maxRecordBytes + " bytes";
            kept = null;
        }
        headers.add(ERROR_HEADER, error.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, timestamp < 0 ? null : timestamp, key, kept, headers);
    }

    private static long size(byte[] key, byte[] value, Headers headers, String reason) {
        long bytes = (key == null ? 0 : key.length) + (value == null ? 0 : value.length) + reason.length() * 3L + 512;
        for (org.apache.kafka.common.header.Header header : headers) {
            bytes += header.key().length() * 3L + (header.value() == null ? 0 : header.value().length) + 10;
        }
        return bytes;
    }

    /** A record key for a log line: its UTF-8 text, one line and bounded. */
    static String keyText(byte[] key) {
        if (key == null) {
            return "none";
        }
        String text = new String(key, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    /** One line, bounded: fit for a header and a log line. */
    static String reason(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        if (!(failure instanceof InvalidRecordException)) {
            message = failure.getClass().getSimpleName() + ": " + message;
        }
        String oneLine = message.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_REASON_LENGTH ? oneLine : oneLine.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
