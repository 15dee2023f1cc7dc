package io.mediahooks.worker.http;

import io.mediahooks.worker.outcome.SendResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.FormattedHeader;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BufferedHeader;
import org.apache.hc.core5.http.nio.AsyncClientEndpoint;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.support.AsyncRequestBuilder;
import org.apache.hc.core5.util.CharArrayBuffer;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends signed requests with the async HTTP client and never blocks the caller. Each request has
 * one deadline, the request timeout, covering the connection lease, connect, TLS and response:
 * when it passes, the result is settled and the connection, if one was leased, is closed, however
 * the endpoint is still answering. A status seen before the cut-off still counts.
 */
public final class WebhookSender {

    /** {@code application/json} exactly, without a charset parameter (SPEC.md). */
    private static final ContentType JSON = ContentType.create(RequestSigner.CONTENT_TYPE);

    private final MinimalHttpAsyncClient client;
    private final Duration requestTimeout;
    /** The wait for a pooled connection, within the request timeout. */
    private final RequestConfig requestConfig;
    private final int responseBodyLimit;
    private final ScheduledExecutorService deadlines;
    private final AtomicInteger inFlight = new AtomicInteger();

    public WebhookSender(MinimalHttpAsyncClient client, Duration requestTimeout, int responseBodyLimit,
                         ScheduledExecutorService deadlines) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.requestConfig = RequestConfig.custom().setConnectionRequestTimeout(Timeout.of(requestTimeout)).build();
        this.responseBodyLimit = responseBodyLimit;
        this.deadlines = deadlines;
    }

    /** Requests on the wire now. */
    public AtomicInteger inFlight() {
        return inFlight;
    }

    /** Sends {@code request}; the future always completes normally, with what happened. */
    public CompletableFuture<SendResult> send(WebhookRequest request) {
        inFlight.incrementAndGet();
        Exchange exchange;
        try {
            exchange = new Exchange(producer(request));
            HttpClientContext context = HttpClientContext.create();
            context.setRequestConfig(requestConfig);
            // The lease is never cancelled: the minimal client would drop a connection that arrives after
            // that, leased for good. A late one is closed by the exchange instead (see Exchange.completed).
            client.lease(HttpHost.create(request.url()), context, exchange);
        } catch (RuntimeException e) {
            // The client refuses work only when it is shutting down (or a header is not one it can send).
            inFlight.decrementAndGet();
            return CompletableFuture.completedFuture(SendFailures.describe(e, Duration.ZERO));
        }
        ScheduledFuture<?> deadline = deadlines.schedule(exchange::cutOff, requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        return exchange.result.whenComplete((done, error) -> {
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
                builder.addHeader(formatted(header.getKey(), header.getValue()));
            }
        }
        return builder.setEntity(request.body(), contentType).build();
    }

    /**
     * The header as the line HttpCore writes as it is: its own formatter copies a plain header's
     * value a character at a time (to blank out line breaks), 4.5% of the worker's CPU samples with
     * the two signatures. A line break or form feed in a value still becomes a space, as there.
     */
    static FormattedHeader formatted(String name, String value) {
        CharArrayBuffer line = new CharArrayBuffer(name.length() + 2 + value.length());
        line.append(name);
        line.append(": ");
        line.append(hasLineBreak(value) ? value.replaceAll("[\\r\\n\\f\\u000b]", " ") : value);
        return BufferedHeader.create(line);
    }

    private static boolean hasLineBreak(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\f' || c == '\u000b') {
                return true;
            }
        }
        return false;
    }

    /**
     * One request: the connection leased for it, the exchange on that connection, and the connection
     * handed back, reused after a complete answer and closed after anything else. The first of the
     * exchange's end and the deadline settles {@link #result}; whichever comes second finds the
     * result settled, and the connection is closed by whoever sees it last.
     */
    private final class Exchange implements FutureCallback<AsyncClientEndpoint> {

        private final CompletableFuture<SendResult> result = new CompletableFuture<>();
        private final AsyncRequestProducer request;
        private final CappedResponseConsumer consumer = new CappedResponseConsumer(responseBodyLimit);
        private final AtomicReference<AsyncClientEndpoint> connection = new AtomicReference<>();
        private final long started = System.nanoTime();

        Exchange(AsyncRequestProducer request) {
            this.request = request;
        }

        @Override
        public void completed(AsyncClientEndpoint leased) {
            connection.set(leased);
            if (result.isDone()) {
                // The deadline passed while the connection was being leased or opened.
                leased.releaseAndDiscard();
                return;
            }
            try {
                leased.execute(request, consumer, new FutureCallback<>() {
                    @Override
                    public void completed(SendResult.Answered answered) {
                        leased.releaseAndReuse();
                        result.complete(answered);
                    }

                    @Override
                    public void failed(Exception cause) {
                        discard(leased, SendFailures.describe(cause, elapsed()));
                    }

                    @Override
                    public void cancelled() {
                        discard(leased, new SendResult.TimedOut(elapsed()));
                    }
                });
            } catch (RuntimeException e) {
                // Most likely the deadline closed the connection between the check above and the exchange
                // starting (the result is settled then); anything else fails the attempt now, not at the deadline.
                discard(leased, SendFailures.describe(e, elapsed()));
            }
        }

        @Override
        public void failed(Exception cause) {
            result.complete(SendFailures.describe(cause, elapsed()));
        }

        @Override
        public void cancelled() {
            result.complete(new SendResult.TimedOut(elapsed()));
        }

        /** The deadline: settles the result with what was seen so far and closes the connection, if any. */
        void cutOff() {
            result.complete(headOr(new SendResult.TimedOut(elapsed())));
            consumer.cutOff();
            AsyncClientEndpoint leased = connection.get();
            if (leased != null) {
                leased.releaseAndDiscard();
            }
        }

        /** Closes the connection; the result is the status if one came, else {@code otherwise}. */
        private void discard(AsyncClientEndpoint leased, SendResult otherwise) {
            leased.releaseAndDiscard();
            result.complete(headOr(otherwise));
        }

        private SendResult headOr(SendResult otherwise) {
            return consumer.head().map(SendResult.class::cast).orElse(otherwise);
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }
}
