package io.mediahooks.worker.http;

import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;

/** The worker's started HTTP client and the thread that closes its pool's idle connections. */
public record PooledHttpClient(MinimalHttpAsyncClient client, IdleConnectionEvictor evictor) implements AutoCloseable {

    /** How long the I/O threads get to wind down on their own before their selectors are closed. */
    private static final TimeValue SHUTDOWN_GRACE = TimeValue.ofSeconds(1);

    /**
     * Stops both and drops whatever is still in flight. The I/O threads are asked to stop first:
     * a selector closed under a running thread is reported by the client as an error, with a stack
     * trace, on every stop.
     */
    @Override
    public void close() {
        evictor.shutdown();
        client.initiateShutdown();
        try {
            client.awaitShutdown(SHUTDOWN_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            client.close(CloseMode.IMMEDIATE);
        }
    }
}
