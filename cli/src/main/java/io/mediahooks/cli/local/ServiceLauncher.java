package io.mediahooks.cli.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts the router, the workers and the management API as child processes from their jars, configured only by
 * environment variables as in production, with the local switches set explicitly.
 *
 * @param environment what every service gets on top of this process's environment
 */
record ServiceLauncher(Path routerJar, Path workerJar, Path apiJar, LocalLayout layout, Map<String, String> environment) {

    /** Small heaps and the quick-starting compiler: three JVMs share a laptop (or two cores) with the broker. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** The jars that must exist before anything starts; empty when both do. */
    Optional<String> missingJars() {
        List<String> missing = new ArrayList<>();
        for (Path jar : List.of(routerJar, workerJar, apiJar)) {
            if (!Files.isRegularFile(jar)) {
                missing.add(jar.toString());
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }

    ServiceProcess router() {
        return start("router", routerJar, Map.of("MEDIAHOOKS_STATE_DIR", layout.routerState().toString()));
    }

    ServiceProcess worker(int number) {
        return start("worker-" + number, workerJar, Map.of());
    }

    /** The management API, with {@code apiEnvironment} (its port, admin token, state dir). */
    ServiceProcess api(Map<String, String> apiEnvironment) {
        return start("api", apiJar, apiEnvironment);
    }

    private ServiceProcess start(String name, Path jar, Map<String, String> extra) {
        int managementPort = LocalLayout.freePort();
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extra);
        env.put("MEDIAHOOKS_MANAGEMENT_PORT", String.valueOf(managementPort));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        return ServiceProcess.start(name, command, env, layout.log(name), managementPort);
    }

    /**
     * Polls the service's {@code /health/ready} until it answers 2xx, the process exits, or
     * {@code timeout} passes; returns how long it took when it became ready.
     */
    static Optional<Duration> awaitReady(ServiceProcess service, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(readyUrl(service)).timeout(Duration.ofSeconds(2)).GET().build();
        Instant deadline = Instant.now().plus(timeout);
        while (service.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    return Optional.of(Duration.between(service.started(), Instant.now()));
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (waitFor(service, Duration.ofMillis(500))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static URI readyUrl(ServiceProcess service) {
        return URI.create("http://127.0.0.1:" + service.managementPort() + "/health/ready");
    }

    /** Waits up to {@code time} for the process to exit (rather than sleeping); true if it did. */
    private static boolean waitFor(ServiceProcess service, Duration time) {
        try {
            return service.process().waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
