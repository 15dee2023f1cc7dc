package io.mediahooks.worker.http;

import io.mediahooks.worker.Threads;
import io.mediahooks.worker.WorkerConfig;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.async.MinimalHttpAsyncClient;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the one async HTTP client of a worker: resolution only through the given resolver (the
 * address guard), no redirects, no automatic retries, no cookies, no authentication, no proxies,
 * HTTP/1.1, connect and socket timeouts, and a pool sized to the concurrency caps whose idle
 * connections are closed after a minute.
 */
public final class HttpClientFactory {

    private static final TimeValue IDLE_CONNECTION_EVICTION = TimeValue.ofMinutes(1);
    private static final TimeValue CONNECTION_TIME_TO_LIVE = TimeValue.ofMinutes(5);
    private static final int CONNECTION_BUFFER_BYTES = 4096;

    private HttpClientFactory() {
    }

    /** A started client. */
    public static PooledHttpClient start(WorkerConfig config, DnsResolver resolver, SSLContext sslContext) {
        Timeout connect = Timeout.of(config.connectTimeout());
        Timeout request = Timeout.of(config.requestTimeout());
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildAsync())
                .setDefaultTlsConfig(TlsConfig.custom()
                        .setHandshakeTimeout(connect)
                        .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(request)
                        .setTimeToLive(CONNECTION_TIME_TO_LIVE)
                        .build())
                // Lax: a pool per route without one global lock and list. The strict pool removes each
                // leased connection from a LinkedList of every idle connection of every route, O(n) per
                // request (10% of the worker's samples with 1,600 idle connections). The per-route cap
                // still holds; the total is capped by the lanes and MEDIAHOOKS_MAX_IN_FLIGHT.
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setMaxConnTotal(config.maxInFlight())
                .setMaxConnPerRoute(config.endpointConcurrency())
                .build();
        // The minimal client: WebhookSender leases a connection and runs the exchange on it, with none
        // of the full client's exec chain (redirects, retries, cookies, authentication, proxies,
        // protocol upgrade), which a webhook request must not use anyway and which cost about 6% of
        // the worker's CPU. The lease timeout comes with each request, the user agent with its headers.
        MinimalHttpAsyncClient client = HttpAsyncClients.createMinimal(
                HttpVersionPolicy.FORCE_HTTP_1,
                H2Config.DEFAULT,
                // HttpCore's default 32 KiB buffers per connection filled the heap with idle pools of
                // connections (benchmarks: live heap 221 of 256 MiB); webhook requests are a few KiB.
                Http1Config.custom().setBufferSize(CONNECTION_BUFFER_BYTES).build(),
                IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(2, Runtime.getRuntime().availableProcessors()))
                        .setSoTimeout(request)
                        .build(),
                connections);
        client.start();
        IdleConnectionEvictor evictor = new IdleConnectionEvictor(connections, Threads.daemon("mediahooks-http-idle"),
                IDLE_CONNECTION_EVICTION, IDLE_CONNECTION_EVICTION);
        evictor.start();
        return new PooledHttpClient(client, evictor);
    }
}
