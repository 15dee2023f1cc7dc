package io.mediahooks.reliability.ssrf;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The endpoints the worker is allowed to reach ({@code MEDIAHOOKS_ALLOWED_ADDRESSES=127.0.0.10/32}):
 * HTTPS on {@value #HOST}, one port per redirect status (so that one endpoint's failures do not open
 * the circuit of another), each answering with a redirect to a forbidden URL, and one control port
 * answering 200, which proves that the worker does deliver to an allowed address.
 */
public final class AllowedEndpoints implements AutoCloseable {

    /** A loopback address of its own, so that the forbidden listener's addresses are not allowed with it. */
    public static final String HOST = "127.0.0.10";

    private final List<HttpsServer> servers = new ArrayList<>();
    private final List<AtomicLong> requests = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "allowed-endpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final TestCertificate certificate;

    private AllowedEndpoints(TestCertificate certificate) {
        this.certificate = certificate;
    }

    /** One redirecting endpoint per entry of {@code statuses}, to the target of the same index, and the control. */
    public static AllowedEndpoints start(List<Integer> statuses, List<String> targets) {
        AllowedEndpoints endpoints = new AllowedEndpoints(TestCertificate.forAddress(HOST));
        for (int i = 0; i < statuses.size(); i++) {
            endpoints.serve(statuses.get(i), targets.get(i));
        }
        endpoints.serve(200, null);
        return endpoints;
    }

    private void serve(int status, String location) {
        AtomicLong count = new AtomicLong();
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 64);
            server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
            server.createContext("/", exchange -> answer(exchange, count, status, location));
            server.setExecutor(executor);
            server.start();
            servers.add(server);
            requests.add(count);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + HOST + " (a loopback address: Linux routes all of 127/8)", e);
        }
    }

    private static void answer(HttpExchange exchange, AtomicLong count, int status, String location) throws IOException {
        count.incrementAndGet();
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The port of redirecting endpoint {@code index}. */
    public int redirectPort(int index) {
        return servers.get(index).getAddress().getPort();
    }

    public List<Integer> redirectPorts() {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < servers.size() - 1; i++) {
            ports.add(redirectPort(i));
        }
        return ports;
    }

    public int controlPort() {
        return servers.get(servers.size() - 1).getAddress().getPort();
    }

    /** Requests the redirecting endpoints received, all together. */
    public long redirectRequests() {
        return requests.subList(0, requests.size() - 1).stream().mapToLong(AtomicLong::get).sum();
    }

    public long controlRequests() {
        return requests.get(requests.size() - 1).get();
    }

    /** Writes the trust store the worker needs for these endpoints ({@code MEDIAHOOKS_TRUST_STORE}). */
    public Path writeTrustStore(Path file, String password) {
        return certificate.writeTrustStore(file, password);
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
