package io.mediahooks.router.errors;

import io.mediahooks.router.RouterMetrics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record whose processing throws is set aside instead of failing the stream thread: failing
 * would replay the same record forever and stall its partition. An event goes to
 * {@code media-events-invalid} (its bytes as read by the failing task, reason in header
 * {@code error}) so it can be replayed once the cause is fixed; a table record is skipped.
 * Both are logged with the stack trace and counted.
 */
public final class RouterProcessingExceptionHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RouterProcessingExceptionHandler.class);

    private String invalidTopic;
    private Set<String> eventTopics;
    private RouterMetrics metrics;
    private int maxRecordBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        HandlerSettings settings = HandlerSettings.from(configs);
        this.invalidTopic = settings.topics().mediaEventsInvalid();
        this.eventTopics = settings.eventTopics();
        this.metrics = settings.metrics();
        this.maxRecordBytes = settings.maxRecordBytes();
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        metrics.processingError();
        String reason = "processing failed: " + InvalidRecords.reason(exception);
        String position = context.topic() + "-" + context.partition() + "@" + context.offset();
        if (eventTopics.contains(context.topic()) && context.sourceRawValue() != null) {
            LOG.error("Event at {} failed in {} (task {}) and was set aside in {}: {}", position,
                    context.processorNodeId(), context.taskId(), invalidTopic, reason, exception);
            return Response.resume(List.of(InvalidRecords.of(invalidTopic, context.sourceRawKey(), context.sourceRawValue(),
                    context.headers(), context.timestamp(), reason, maxRecordBytes)));
        }
        LOG.error("Record at {} failed in {} (task {}) and was skipped: {}", position, context.processorNodeId(),
                context.taskId(), reason, exception);
        return Response.resume();
    }
}
