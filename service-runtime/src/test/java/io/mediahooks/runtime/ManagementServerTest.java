package io.mediahooks.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ManagementServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(ManagementServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void readinessFollowsTheCheckAndMetricsArePrometheusText() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        PrometheusMeterRegistry registry = ServiceMetrics.prometheus("test-service");
        registry.counter("mediahooks_test_total").increment(3);
        try (ManagementServer server = ManagementServer.start("test-service", 0, registry,
                () -> ready.get() ? Health.up("RUNNING") : Health.down("REBALANCING"))) {
            assertThat(server.port()).isPositive();
            assertThat(get(server, "/health/live").statusCode()).isEqualTo(200);

            HttpResponse<String> notReady = get(server, "/health/ready");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).contains("REBALANCING");

            ready.set(true);
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(server, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("mediahooks_test_total{service=\"test-service\"} 3.0")
                    .contains("jvm_memory_used_bytes");
            assertThat(get(server, "/nothing-here").statusCode()).isEqualTo(404);
        }
    }
}
