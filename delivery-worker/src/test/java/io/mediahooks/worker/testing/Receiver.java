package io.mediahooks.worker.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A customer's endpoint for tests: a real HTTP or HTTPS server on loopback that records every
 * request and answers as its {@link Responder} says, after a delay, or never (a hanging endpoint).
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. Header names are lowercase. */
    public record Received(String path, Map<String, String> headers, byte[] body, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** How to answer one request; {@code attempt} counts the requests seen so far with the same webhook-id, from 1. */
    @FunctionalInterface
    public interface Responder {
        Reply reply(Received request, int attempt);
    }

    /**
     * An answer: a status, headers and a body ({@code text}, or else {@code bodyBytes} zero bytes),
     * optionally after a delay, or none at all.
     */
    public record Reply(int status, Map<String, String> headers, long delayMillis, boolean hangs, int bodyBytes, String text) {
        public static Reply status(int status) {
            return new Reply(status, Map.of(), 0, false, 0, null);
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, 0, false, 0, null);
        }

        public static Reply hanging() {
            return new Reply(0, Map.of(), 0, true, 0, null);
        }

        public Reply after(long millis) {
            return new Reply(status, headers, millis, hangs, bodyBytes, text);
        }

        public Reply withBody(int bytes) {
            return new Reply(status, headers, delayMillis, hangs, bytes, null);
        }

        public Reply withText(String body) {
            return new Reply(status, headers, delayMillis, hangs, 0, body);
        }
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon());
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor(daemon());
    private final CountDownLatch released = new CountDownLatch(1);
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attemptsById = new ConcurrentHashMap<>();
    private final AtomicInteger hanging = new AtomicInteger();
    private final Responder responder;

    private Receiver(HttpServer server, String scheme, Responder responder) {
        this.server = server;
        this.scheme = scheme;
        this.responder = responder;
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    public static Receiver http(Responder responder) {
        try {
            return new Receiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100), "http",
                    responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Receiver https(SSLContext context, Responder responder) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            return new Receiver(server, "https", responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URL of {@code path} on this receiver, by IP literal (what the certificate names too). */
    public String url(String path) {
        return scheme + "://127.0.0.1:" + port() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Received> requests() {
        return new ArrayList<>(requests);
    }

    public List<Received> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Requests being held open right now by a hanging reply. */
    public int hanging() {
        return hanging.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Received received = new Received(exchange.getRequestURI().getPath(), headers(exchange.getRequestHeaders()), body,
                Instant.now());
        requests.add(received);
        String id = String.valueOf(received.header("webhook-id"));
        int attempt = attemptsById.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        Reply reply = responder.reply(received, attempt);
        if (reply.hangs()) {
            hang(exchange);
        } else if (reply.delayMillis() > 0) {
            delays.schedule(() -> respond(exchange, reply), reply.delayMillis(), TimeUnit.MILLISECONDS);
        } else {
            respond(exchange, reply);
        }
    }

    private void hang(HttpExchange exchange) {
        hanging.incrementAndGet();
        try {
            // Held until the receiver closes: a stuck endpoint, not a test pause.
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hanging.decrementAndGet();
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, Reply reply) {
        try (exchange) {
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (reply.text() != null) {
                byte[] text = reply.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), text.length);
                exchange.getResponseBody().write(text);
                return;
            }
            exchange.sendResponseHeaders(reply.status(), reply.bodyBytes() == 0 ? -1 : reply.bodyBytes());
            if (reply.bodyBytes() > 0) {
                byte[] chunk = new byte[8192];
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int left = reply.bodyBytes(); left > 0; left -= chunk.length) {
                        out.write(chunk, 0, Math.min(left, chunk.length));
                    }
                }
            }
        } catch (IOException e) {
            // The client went away (timed out); nothing to answer.
        }
    }

    private static Map<String, String> headers(Headers headers) {
        Map<String, String> flat = new TreeMap<>();
        headers.forEach((name, values) -> flat.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return flat;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
        delays.shutdownNow();
    }

    private static ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "receiver");
            thread.setDaemon(true);
            return thread;
        };
    }
}
