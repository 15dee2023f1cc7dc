package io.mediahooks.router.errors;

import io.mediahooks.router.RouterMetrics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output Kafka refuses for good must not stop the router: a delivery too large for its topic, or
 * one that does not serialize, is dropped, logged and counted, and its event is set aside in
 * {@code media-events-invalid} when the failing task read it from an event topic. Everything else
 * is Kafka's default decision (retry what is retriable, otherwise fail and let the thread policy act).
 */
public final class RouterProductionExceptionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RouterProductionExceptionHandler.class);

    private final DefaultProductionExceptionHandler kafkaDefault = new DefaultProductionExceptionHandler();
    private String invalidTopic;
    private Set<String> eventTopics;
    private RouterMetrics metrics;
    private int maxRecordBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        kafkaDefault.configure(configs);
        HandlerSettings settings = HandlerSettings.from(configs);
        this.invalidTopic = settings.topics().mediaEventsInvalid();
        this.eventTopics = settings.eventTopics();
        this.metrics = settings.metrics();
        this.maxRecordBytes = settings.maxRecordBytes();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            return drop(context, record.topic(), exception);
        }
        return kafkaDefault.handleError(context, record, exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        return drop(context, record.topic(), exception);
    }

    private Response drop(ErrorHandlerContext context, String outputTopic, Exception exception) {
        metrics.productionError();
        String reason = "could not write to " + outputTopic + ": " + InvalidRecords.reason(exception);
        String position = context.topic() + "-" + context.partition() + "@" + context.offset();
        boolean setAside = !outputTopic.equals(invalidTopic) && eventTopics.contains(context.topic())
                && context.sourceRawValue() != null;
        LOG.error("Dropped output of the record at {} ({}){}", position, reason,
                setAside ? "; its event was set aside in " + invalidTopic : "");
        if (!setAside) {
            return Response.resume();
        }
        return Response.resume(List.of(InvalidRecords.of(invalidTopic, context.sourceRawKey(), context.sourceRawValue(),
                context.headers(), context.timestamp(), reason, maxRecordBytes)));
    }
}
