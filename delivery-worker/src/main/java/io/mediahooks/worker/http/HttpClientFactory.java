package io.mediahooks.worker.http;

import io.mediahooks.model.MediahooksVersion;
import io.mediahooks.worker.Threads;
import io.mediahooks.worker.WorkerConfig;
import java.nio.channels.ClosedSelectorException;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one async HTTP client of a worker: resolution only through the given resolver (the
 * address guard), no redirects, no automatic retries, no cookies, no proxies from system
 * properties, HTTP/1.1, connect and response timeouts, and a pool sized to the concurrency caps.
 */
public final class HttpClientFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HttpClientFactory.class);
    private static final TimeValue IDLE_CONNECTION_EVICTION = TimeValue.ofMinutes(1);
    private static final TimeValue CONNECTION_TIME_TO_LIVE = TimeValue.ofMinutes(5);
    private static final int CONNECTION_BUFFER_BYTES = 4096;

    private HttpClientFactory() {
    }

    private static void reactorError(Exception error) {
        if (error instanceof ClosedSelectorException) {
            // The reactor noticing its own shutdown.
            LOG.debug("HTTP I/O reactor closed");
        } else {
            LOG.warn("HTTP I/O reactor error: {}", error.toString());
        }
    }

    /** A started client. */
    public static CloseableHttpAsyncClient start(WorkerConfig config, DnsResolver resolver, SSLContext sslContext) {
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
        CloseableHttpAsyncClient client = HttpAsyncClientBuilder.create()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(request)
                        .setConnectionRequestTimeout(request)
                        .setAuthenticationEnabled(false)
                        .setExpectContinueEnabled(false)
                        .setContentCompressionEnabled(false)
                        .setProtocolUpgradeEnabled(false)
                        .build())
                // HttpCore's default 32 KiB buffers per connection filled the heap with idle pools of
                // connections (benchmarks: live heap 221 of 256 MiB); webhook requests are a few KiB.
                .setHttp1Config(Http1Config.custom().setBufferSize(CONNECTION_BUFFER_BYTES).build())
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.max(2, Runtime.getRuntime().availableProcessors()))
                        .setSoTimeout(request)
                        .build())
                .setThreadFactory(Threads.daemon("mediahooks-http"))
                .setIoReactorExceptionCallback(HttpClientFactory::reactorError)
                .setUserAgent(MediahooksVersion.userAgent())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableConnectionState()
                .disableContentCompression()
                .evictIdleConnections(IDLE_CONNECTION_EVICTION)
                .build();
        client.start();
        return client;
    }
}
