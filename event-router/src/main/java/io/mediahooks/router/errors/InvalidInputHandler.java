package io.mediahooks.router.errors;

import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.router.RouterMetrics.InputKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a record that does not decode: the router never stops for one. A media event
 * goes to {@code media-events-invalid} with the bytes as received and the reason in header
 * {@code error}; Streams writes it in the same transaction as the input offset, so it is set aside
 * exactly once. Subscriptions and secrets reach their global stores as bytes and are decoded and
 * judged there ({@code TableUpdater}); should one ever come through here, it is dropped, so the
 * previous valid version stays in force. Each is logged and counted.
 */
public final class InvalidInputHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InvalidInputHandler.class);

    private TopicNames topics;
    private RouterMetrics metrics;
    private int maxRecordBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        HandlerSettings settings = HandlerSettings.from(configs);
        this.topics = settings.topics();
        this.metrics = settings.metrics();
        this.maxRecordBytes = settings.maxRecordBytes();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String reason = InvalidRecords.reason(exception);
        String position = record.topic() + "-" + record.partition() + "@" + record.offset() + " (key "
                + InvalidRecords.keyText(record.key()) + ")";
        InputKind kind = kindOf(record.topic());
        metrics.invalid(kind);
        switch (kind) {
            case MEDIA_EVENT -> {
                LOG.warn("Invalid media event at {} set aside in {}: {}", position, topics.mediaEventsInvalid(), reason);
                return Response.resume(List.of(InvalidRecords.of(topics.mediaEventsInvalid(), record.key(), record.value(),
                        record.headers(), record.timestamp(), reason, maxRecordBytes)));
            }
            case SUBSCRIPTION, SECRETS -> LOG.warn("Invalid {} record at {}: {}; not applied, the previous version stays in force",
                    kind.label().toLowerCase(Locale.ROOT), position, reason);
            case INTERNAL -> LOG.error("Undecodable record at {} of the router's own topic, skipped: {}", position, reason,
                    exception);
        }
        return Response.resume();
    }

    private InputKind kindOf(String topic) {
        if (topic.equals(topics.mediaEvents())) {
            return InputKind.MEDIA_EVENT;
        }
        if (topic.equals(topics.subscriptions())) {
            return InputKind.SUBSCRIPTION;
        }
        if (topic.equals(topics.secrets())) {
            return InputKind.SECRETS;
        }
        return InputKind.INTERNAL;
    }
}
