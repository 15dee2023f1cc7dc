package io.mediahooks.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.signing.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The customer's side of the demo: an HTTP server on loopback that checks both signatures of
 * every request, as a receiver must, and prints one line per request with its verdict.
 * {@code /hooks/<webhook>} answers 200; {@code /fail/<webhook>} answers 503 so that retries and
 * dead letters show; a request whose signatures do not verify gets 401.
 */
public final class SampleReceiver implements AutoCloseable {

    /** SPEC's default name of the hex signature header. */
    public static final String DEFAULT_HEX_HEADER = "X-FP-Webhook-Signature-Hmac-Sha-256";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final SignatureVerifier verifier;
    private final Supplier<List<String>> liveSecrets;
    private final String hexHeader;
    private final Consumer<String> out;
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final AtomicLong verified = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile BiConsumer<String, String> onVerified = (webhook, eventId) -> { };

    private SampleReceiver(HttpServer server, ExecutorService executor, SignatureVerifier verifier,
                           Supplier<List<String>> liveSecrets, String hexHeader, Consumer<String> out) {
        this.server = server;
        this.executor = executor;
        this.verifier = verifier;
        this.liveSecrets = liveSecrets;
        this.hexHeader = hexHeader;
        this.out = out;
    }

    /**
     * Starts on a free port of 127.0.0.1.
     *
     * @param liveSecrets the organization's live secrets, primary first, as the receiver knows them
     * @param out         where the verdict lines go
     */
    public static SampleReceiver start(SignatureVerifier verifier, Supplier<List<String>> liveSecrets, String hexHeader,
                                       Consumer<String> out) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "sample-receiver");
            thread.setDaemon(true);
            return thread;
        });
        SampleReceiver receiver = new SampleReceiver(server, executor, verifier, liveSecrets, hexHeader, out);
        server.createContext("/hooks/", exchange -> receiver.handle(exchange, 200));
        server.createContext("/fail/", exchange -> receiver.handle(exchange, 503));
        server.setExecutor(executor);
        server.start();
        return receiver;
    }

    /** The URL a webhook named {@code webhook} should point at: answering 200, or 503 when {@code failing}. */
    public URI urlFor(String webhook, boolean failing) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + (failing ? "/fail/" : "/hooks/") + webhook);
    }

    /** Calls {@code listener} with the webhook's name and the event id of each request whose signatures verified. */
    public void onVerified(BiConsumer<String, String> listener) {
        this.onVerified = listener;
    }

    public long verified() {
        return verified.get();
    }

    public long rejected() {
        return rejected.get();
    }

    private void handle(HttpExchange exchange, int answer) throws IOException {
        try (exchange) {
            byte[] body = readCapped(exchange.getRequestBody());
            String path = exchange.getRequestURI().getPath();
            String webhook = path.substring(path.lastIndexOf('/') + 1);
            String messageId = exchange.getRequestHeaders().getFirst("webhook-id");
            int attempt = messageId == null ? 0 : seen.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
            String problem = check(exchange, body, messageId);
            String what = describe(body) + " -> " + webhook + " (attempt " + attempt + ")";
            int status;
            if (problem == null) {
                verified.incrementAndGet();
                eventId(body).ifPresent(eventId -> onVerified.accept(webhook, eventId));
                status = answer;
                out.accept("verified " + what + (answer == 200 ? "" : ", answered " + answer + " on purpose"));
            } else {
                rejected.incrementAndGet();
                status = 401;
                out.accept("REJECTED " + what + " (" + problem + ")");
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** Null when both signatures verify, else what failed. */
    private String check(HttpExchange exchange, byte[] body, String messageId) {
        if (!exchange.getRequestMethod().equals("POST")) {
            return "method " + exchange.getRequestMethod() + ", expected POST";
        }
        List<String> secrets = liveSecrets.get();
        if (secrets.isEmpty()) {
            return "the receiver knows no secret";
        }
        var headers = exchange.getRequestHeaders();
        boolean hexOk = verifier.verifyHex(secrets.get(0), body, headers.getFirst(hexHeader));
        boolean standardOk = false;
        for (String secret : secrets) {
            standardOk |= verifier.verifyStandard(secret, messageId, headers.getFirst("webhook-timestamp"), body,
                    headers.getFirst("webhook-signature"));
        }
        if (hexOk && standardOk) {
            return null;
        }
        return "bad signature: " + (hexOk ? "" : hexHeader + (standardOk ? "" : " and ")) + (standardOk ? "" : "webhook-signature");
    }

    private static Optional<String> eventId(byte[] body) {
        try {
            JsonNode id = Json.MAPPER.readTree(body).path("event_id");
            return id.isTextual() ? Optional.of(id.textValue()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** {@code VIDEO_READY evt_7b1c0e} from the body, or a placeholder for a body that is not the contract's. */
    private static String describe(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node.path("event_type").asText("?") + " " + node.path("event_id").asText("?");
        } catch (IOException e) {
            return "(body is not JSON)";
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
