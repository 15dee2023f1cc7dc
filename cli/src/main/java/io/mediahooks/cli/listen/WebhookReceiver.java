package io.mediahooks.cli.listen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A webhook receiver for developers: a real HTTP server that checks both signatures of every POST
 * ({@link SignatureCheck}), answers 200 to a verified request and 401 to any other, and reports
 * each request ({@link ReceivedRequest}). {@code mediahooks listen} and the local run use it.
 * {@code GET /health} answers 200 so containers can wait for it.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 1024 * 1024;
    /** webhook-ids remembered for the attempt count; the oldest are forgotten beyond this. */
    private static final int REMEMBERED_IDS = 10_000;

    private final HttpServer server;
    private final ScheduledExecutorService executor;
    private final SignatureCheck check;
    private final Supplier<List<String>> secrets;
    private final Answers answers;
    private final Clock clock;
    private final Consumer<ReceivedRequest> out;
    private final Map<String, Integer> attempts = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    private WebhookReceiver(HttpServer server, ScheduledExecutorService executor, SignatureCheck check,
                            Supplier<List<String>> secrets, Answers answers, Clock clock, Consumer<ReceivedRequest> out) {
        this.server = server;
        this.executor = executor;
        this.check = check;
        this.secrets = secrets;
        this.answers = answers;
        this.clock = clock;
        this.out = out;
    }

    /**
     * Starts listening on {@code address} (port 0 picks a free one).
     *
     * @param secrets the secrets to verify with, read at each request (the local run follows rotations)
     * @param out     told of every POST, just before it is answered
     */
    public static WebhookReceiver start(InetSocketAddress address, SignatureCheck check, Supplier<List<String>> secrets,
                                        Answers answers, Clock clock, Consumer<ReceivedRequest> out) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        // Threads that answer at once; a --delay is a scheduled answer, so slow answers never hold a thread.
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        });
        WebhookReceiver receiver = new WebhookReceiver(server, executor, check, secrets, answers, clock, out);
        server.createContext("/", receiver::handle);
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8000}; a webhook may point at any path below it. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort());
    }

    /** {@link #url()} with {@code path}, e.g. {@code /hooks/wh_demo}. */
    public URI url(String path) {
        return url().resolve(path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public long verified() {
        return verified.get();
    }

    public long rejected() {
        return rejected.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("POST")) {
            boolean health = exchange.getRequestMethod().equals("GET") && path.equals("/health");
            answerNow(exchange, health ? 200 : 405, health ? "ok\n" : "mediahooks listen: POST signed webhooks here\n");
            return;
        }
        byte[] body = readCapped(exchange.getRequestBody());
        var headers = exchange.getRequestHeaders();
        String webhookId = headers.getFirst("webhook-id");
        Optional<String> problem = check.problem(secrets.get(), headers::getFirst, body);
        int status;
        String note;
        if (problem.isEmpty()) {
            Answers.Answer answer = answers.forVerified(path);
            status = answer.status();
            note = answer.note();
            verified.incrementAndGet();
        } else {
            status = Answers.REJECTED;
            note = problem.get();
            rejected.incrementAndGet();
        }
        ReceivedRequest request = ReceivedRequest.of(path, webhookId, attemptOf(webhookId), problem.isEmpty(), status, note,
                clock.instant(), Map.copyOf(headers), body);
        if (answers.delay().isZero()) {
            respond(exchange, request);
        } else {
            executor.schedule(() -> respond(exchange, request), answers.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void respond(HttpExchange exchange, ReceivedRequest request) {
        // Reported before the answer goes out, so whoever got the answer can already read the line.
        out.accept(request);
        try {
            answerNow(exchange, request.status(), request.verified() ? "" : request.note() + "\n");
        } catch (IOException e) {
            // The sender gave up (its timeout is shorter than --delay); the line is already out.
        }
    }

    private int attemptOf(String webhookId) {
        if (webhookId == null) {
            return 1;
        }
        synchronized (attempts) {
            return attempts.merge(webhookId, 1, Integer::sum);
        }
    }

    private static void answerNow(HttpExchange exchange, int status, String text) throws IOException {
        try (exchange) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES);
        // Drain the rest so the connection stays usable; it is not part of what we verify.
        in.transferTo(OutputStream.nullOutputStream());
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
