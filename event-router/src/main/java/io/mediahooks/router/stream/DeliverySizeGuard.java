package io.mediahooks.router.stream;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.kafka.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Refuses an event whose deliveries Kafka would refuse as too large, before any is sent. Under
 * exactly-once a send the producer refuses puts its transaction in an error state: the production
 * exception handler cannot save it, the stream thread dies, and its replacement reprocesses the
 * same event from the last commit, forever (found by the reliability suite's malformed-input
 * scenario: one valid event with a 950 KB payload, whose delivery is 1.3 MB once its body is a JSON
 * string, stalled its partition and killed thread after thread). Thrown here, the event is set
 * aside in {@code media-events-invalid} by the processing exception handler like any event that
 * cannot be routed.
 */
final class DeliverySizeGuard {

    /** Room for the record's own framing in a batch (offsets, lengths, attributes) and the batch header. */
    static final int RECORD_OVERHEAD_BYTES = 512;
    /** A character of the body takes at most 6 bytes in the delivery's JSON ({@code \}{@code u001f}). */
    private static final int MAX_BYTES_PER_BODY_CHAR = 6;
    /** Everything of a delivery but its body and URL: ids, timestamps, field names. */
    private static final int FIXED_FIELDS_BYTES = 2048;

    private final int maxRecordBytes;

    /** @param maxRecordBytes the largest record the router's producer sends ({@code max.request.size}) */
    DeliverySizeGuard(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * @throws InvalidRecordException naming the size when a delivery would not fit; deliveries that
     *     certainly fit (nearly all: bodies of a few KB) are not encoded here
     */
    void check(List<Delivery> deliveries, Headers headers) {
        int headerBytes = headerBytes(headers);
        for (Delivery delivery : deliveries) {
            long upperBound = (long) delivery.body().length() * MAX_BYTES_PER_BODY_CHAR
                    + (long) delivery.url().length() * MAX_BYTES_PER_BODY_CHAR + FIXED_FIELDS_BYTES + headerBytes
                    + RECORD_OVERHEAD_BYTES;
            if (upperBound <= maxRecordBytes) {
                continue;
            }
            long size = (long) Topics.DELIVERY.serializer().serialize("", delivery).length
                    + delivery.subscriptionId().value().getBytes(StandardCharsets.UTF_8).length + headerBytes + RECORD_OVERHEAD_BYTES;
            if (size > maxRecordBytes) {
                throw new InvalidRecordException("payload", "its delivery to " + delivery.subscriptionId() + " would be about "
                        + size + " bytes, more than the " + maxRecordBytes + " bytes a Kafka record may have (max.request.size)");
            }
        }
    }

    static int headerBytes(Headers headers) {
        int bytes = 0;
        if (headers != null) {
            for (Header header : headers) {
                bytes += header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length) + 10;
            }
        }
        return bytes;
    }
}
