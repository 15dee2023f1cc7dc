package io.mediahooks.bench.cluster;

import io.mediahooks.runtime.CommonConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The router or a worker, run from its shaded jar exactly as an operator runs it
 * ({@code java -jar ...}), configured by environment variables, watched through its management
 * endpoints ({@code /health/ready}, {@code /metrics}).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient MANAGEMENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int managementPort;

    private ServiceProcess(ChildProcess process, int managementPort) {
        this.process = process;
        this.managementPort = managementPort;
    }

    /**
     * Starts {@code java <jvmOptions> -jar <jar>} with {@code environment} (the management port is
     * added) and waits until {@code /health/ready} answers 200.
     */
    public static ServiceProcess start(String name, Path jar, List<String> jvmOptions, Map<String, String> environment,
                                       Path logFile, Duration readyTimeout) {
        int managementPort = FreePorts.pick();
        Map<String, String> env = new HashMap<>(environment);
        env.put(CommonConfig.MANAGEMENT_PORT.key(), Integer.toString(managementPort));
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.add("-jar");
        arguments.add(jar.toString());
        ServiceProcess service = new ServiceProcess(
                ChildProcess.start(name, ChildProcess.javaCommand(arguments), env, logFile), managementPort);
        service.awaitReady(readyTimeout);
        return service;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start-up:\n" + process.logTail(40));
            }
            if (get("/health/ready").map(response -> response.statusCode() == 200).orElse(false)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                String tail = process.logTail(40);
                process.stop(5);
                throw new IllegalStateException(process.name() + " was not ready within " + timeout + ":\n" + tail);
            }
            Pause.millis(200);
        }
    }

    /** Whether {@code /health/ready} answers 200 now. */
    public boolean ready() {
        return get("/health/ready").map(response -> response.statusCode() == 200).orElse(false);
    }

    /** The Prometheus text of {@code /metrics}, empty when it could not be read. */
    public PrometheusText metrics() {
        return new PrometheusText(get("/metrics").map(HttpResponse::body).orElse(""));
    }

    private java.util.Optional<HttpResponse<String>> get(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return java.util.Optional.of(MANAGEMENT.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            // The caller (a sampler being stopped) sees the flag and ends.
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(30);
    }
}
