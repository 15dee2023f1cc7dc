package io.mediahooks.worker.http;

import io.mediahooks.worker.outcome.SendResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;

/**
 * Sends signed requests with the async HTTP client and never blocks the caller. Each request has
 * one deadline, the request timeout, covering the connection lease, connect, TLS and response:
 * when it passes the exchange is cancelled. A status seen before the cut-off still counts.
 */
public final class WebhookSender {

    /** {@code application/json} exactly, without a charset parameter (SPEC.md). */
    private static final ContentType JSON = ContentType.create(RequestSigner.CONTENT_TYPE);

    private final CloseableHttpAsyncClient client;
    private final Duration requestTimeout;
    private final int responseBodyLimit;
    private final ScheduledExecutorService deadlines;
    private final AtomicInteger inFlight = new AtomicInteger();

    public WebhookSender(CloseableHttpAsyncClient client, Duration requestTimeout, int responseBodyLimit,
                         ScheduledExecutorService deadlines) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.responseBodyLimit = responseBodyLimit;
        this.deadlines = deadlines;
    }

    /** Requests on the wire now. */
    public AtomicInteger inFlight() {
        return inFlight;
    }

    /** Sends {@code request}; the future always completes normally, with what happened. */
    public CompletableFuture<SendResult> send(WebhookRequest request) {
        CompletableFuture<SendResult> result = new CompletableFuture<>();
        CappedResponseConsumer consumer = new CappedResponseConsumer(responseBodyLimit);
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        Future<SendResult.Answered> exchange;
        try {
            exchange = client.execute(producer(request), consumer, new FutureCallback<>() {
                @Override
                public void completed(SendResult.Answered answered) {
                    result.complete(answered);
                }

                @Override
                public void failed(Exception cause) {
                    result.complete(consumer.head().map(SendResult.class::cast)
                            .orElseGet(() -> SendFailures.describe(cause, elapsedSince(started))));
                }

                @Override
                public void cancelled() {
                    result.complete(consumer.head().map(SendResult.class::cast)
                            .orElseGet(() -> new SendResult.TimedOut(elapsedSince(started))));
                }
            });
        } catch (RuntimeException e) {
            // The client refuses work only when it is shutting down.
            inFlight.decrementAndGet();
            return CompletableFuture.completedFuture(SendFailures.describe(e, Duration.ZERO));
        }
        ScheduledFuture<?> deadline = deadlines.schedule(() -> exchange.cancel(true), requestTimeout.toNanos(),
                TimeUnit.NANOSECONDS);
        return result.whenComplete((done, error) -> {
            deadline.cancel(false);
            inFlight.decrementAndGet();
        });
    }

    private static AsyncRequestProducer producer(WebhookRequest request) {
        AsyncRequestBuilder builder = AsyncRequestBuilder.post(request.url());
        ContentType contentType = JSON;
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                // The entity states it, once.
                contentType = header.getValue().equals(RequestSigner.CONTENT_TYPE) ? JSON : ContentType.parse(header.getValue());
            } else {
                builder.addHeader(header.getKey(), header.getValue());
            }
        }
        return builder.setEntity(request.body(), contentType).build();
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
