package io.mediahooks.router.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.router.RouterConfig;
import io.mediahooks.router.RouterMetrics;
import io.mediahooks.runtime.Environment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processing and production handlers, configured the way Streams configures them. */
class RouterErrorHandlersTest {

    private static final byte[] KEY = "org_42".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EVENT = "{\"event_id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Map<String, Object> streamsConfig;

    @BeforeEach
    void configure() {
        streamsConfig = RouterConfig.from(new Environment(TestSecretsKeys.with(Map.of()))).streamsConfig(new RouterMetrics(registry));
    }

    @Test
    void eventWhoseProcessingFailsIsSetAsideWithTheReason() {
        RouterProcessingExceptionHandler handler = new RouterProcessingExceptionHandler();
        handler.configure(streamsConfig);

        ProcessingExceptionHandler.Response response = handler.handleError(context("media-events"),
                new Record<>("k", "v", 0L), new IllegalStateException("boom\nsecond line"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> {
            assertThat(record.topic()).isEqualTo("media-events-invalid");
            assertThat(record.key()).isEqualTo(KEY);
            assertThat(record.value()).isEqualTo(EVENT);
            assertThat(new String(record.headers().lastHeader("error").value(), StandardCharsets.UTF_8))
                    .isEqualTo("processing failed: IllegalStateException: boom second line");
        });
        assertThat(registry.get("mediahooks.router.processing.errors").counter().count()).isEqualTo(1);
    }

    @Test
    void tableRecordWhoseProcessingFailsIsSkipped() {
        RouterProcessingExceptionHandler handler = new RouterProcessingExceptionHandler();
        handler.configure(streamsConfig);

        ProcessingExceptionHandler.Response response = handler.handleError(context("webhook-subscriptions"),
                new Record<>("k", "v", 0L), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void deliveryTooLargeForKafkaIsDroppedAndItsEventSetAside() {
        RouterProductionExceptionHandler handler = new RouterProductionExceptionHandler();
        handler.configure(streamsConfig);

        ProductionExceptionHandler.Response response = handler.handleError(context("media-events"),
                new ProducerRecord<>("webhook-deliveries", new byte[0], new byte[0]), new RecordTooLargeException("2 MB"));

        assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(record -> assertThat(
                new String(record.headers().lastHeader("error").value(), StandardCharsets.UTF_8))
                .isEqualTo("could not write to webhook-deliveries: RecordTooLargeException: 2 MB"));
        assertThat(registry.get("mediahooks.router.production.errors").counter().count()).isEqualTo(1);
    }

    @Test
    void otherProductionErrorsAreKafkasDefaultDecision() {
        RouterProductionExceptionHandler handler = new RouterProductionExceptionHandler();
        handler.configure(streamsConfig);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("webhook-deliveries", new byte[0], new byte[0]);

        assertThat(handler.handleError(context("media-events"), record, new TimeoutException("slow")).result())
                .isEqualTo(ProductionExceptionHandler.Result.RETRY);
        assertThat(handler.handleError(context("media-events"), record, new TopicAuthorizationException("no")).result())
                .isEqualTo(ProductionExceptionHandler.Result.FAIL);
    }

    private static ErrorHandlerContext context(String topic) {
        return new StubContext(topic, 1, 42, new RecordHeaders(), "route", new TaskId(1, 1), 1_000L, KEY, EVENT);
    }

    private record StubContext(String topic, int partition, long offset, Headers headers, String processorNodeId,
                               TaskId taskId, long timestamp, byte[] sourceRawKey, byte[] sourceRawValue)
            implements ErrorHandlerContext {
    }
}
