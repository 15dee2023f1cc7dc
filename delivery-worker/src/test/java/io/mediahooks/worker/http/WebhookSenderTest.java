package io.mediahooks.worker.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.safety.AllowedAddresses;
import io.mediahooks.runtime.Environment;
import io.mediahooks.worker.WorkerConfig;
import io.mediahooks.worker.outcome.SendResult;
import io.mediahooks.worker.safety.GuardedDnsResolver;
import io.mediahooks.worker.testing.Receiver;
import io.mediahooks.worker.testing.Receiver.Reply;
import io.mediahooks.worker.testing.SelfSignedCertificate;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP edge against real loopback sockets: what comes back from each kind of endpoint. */
class WebhookSenderTest {

    /** Generous, so a loaded machine does not turn a slow TLS handshake into a timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(1500);

    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();
    /** Paces the trickling endpoints' body bytes. */
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private PooledHttpClient client;
    private Receiver receiver;

    @AfterEach
    void tearDown() {
        if (receiver != null) {
            receiver.close();
        }
        if (client != null) {
            client.close();
        }
        deadlines.shutdownNow();
        pacer.shutdownNow();
    }

    @Test
    void sendsTheExactBodyAndHeaders() throws Exception {
        receiver = Receiver.http((request, attempt) -> Reply.status(204));
        byte[] body = "{\"event_type\":\"VIDEO_READY\",\"name\":\"Fin\u00e4l\"}".getBytes(StandardCharsets.UTF_8);
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, new WebhookRequest(URI.create(receiver.url("/hook")), body,
                Map.of("Content-Type", "application/json", "webhook-id", "msg_1", "User-Agent", "mediahooks/test")));

        assertThat(result).isEqualTo(new SendResult.Answered(204, Optional.empty()));
        Receiver.Received received = receiver.requests().get(0);
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("content-type")).isEqualTo("application/json");
        assertThat(received.header("webhook-id")).isEqualTo("msg_1");
        assertThat(received.header("user-agent")).isEqualTo("mediahooks/test");
        assertThat(received.headers()).doesNotContainKey("cookie");
    }

    @Test
    void aLineBreakInAHeaderValueGoesOutAsASpaceAndCannotStartAHeader() throws Exception {
        receiver = Receiver.http((request, attempt) -> Reply.status(204));
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, new WebhookRequest(URI.create(receiver.url("/hook")),
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("webhook-id", "msg_1\r\nx-injected: yes", "User-Agent", "mediahooks/test")));

        assertThat(result).isEqualTo(new SendResult.Answered(204, Optional.empty()));
        Receiver.Received received = receiver.requests().get(0);
        assertThat(received.header("webhook-id")).isEqualTo("msg_1  x-injected: yes");
        assertThat(received.headers()).doesNotContainKey("x-injected");
        assertThat(WebhookSender.formatted("webhook-signature", "v1,abc").getBuffer().toString())
                .isEqualTo("webhook-signature: v1,abc");
    }

    @Test
    void keepsRetryAfterAndDoesNotFollowRedirects() throws Exception {
        receiver = Receiver.http((request, attempt) -> request.path().equals("/hook")
                ? Reply.status(301, Map.of("Location", "/moved", "Retry-After", "7"))
                : Reply.status(200));
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, post(receiver.url("/hook")));

        assertThat(result).isEqualTo(new SendResult.Answered(301, Optional.of("7")));
        assertThat(receiver.requests()).extracting(Receiver.Received::path).containsExactly("/hook");
    }

    @Test
    void aHugeResponseBodyIsCutOffButTheStatusCounts() throws Exception {
        receiver = Receiver.http((request, attempt) -> Reply.status(200).withBody(20 * 1024 * 1024));
        long started = System.nanoTime();
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, post(receiver.url("/hook")));

        assertThat(result).isEqualTo(new SendResult.Answered(200, Optional.empty()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }

    @Test
    void theFirstKilobyteOfAResponseBodyIsKeptForTheAttemptRecord() throws Exception {
        String answer = "{\"error\":\"signature mängled\"}" + "x".repeat(3_000);
        receiver = Receiver.http((request, attempt) -> request.path().equals("/short")
                ? Reply.status(400).withText("{\"error\":\"nope\"}")
                : Reply.status(500).withText(answer));

        SendResult shortAnswer = send(SystemDefaultDnsResolver.INSTANCE, post(receiver.url("/short")));
        SendResult longAnswer = send(SystemDefaultDnsResolver.INSTANCE, post(receiver.url("/long")));

        assertThat(shortAnswer).isEqualTo(new SendResult.Answered(400, Optional.empty(), Optional.of("{\"error\":\"nope\"}")));
        byte[] first = Arrays.copyOf(answer.getBytes(StandardCharsets.UTF_8), Attempt.Exchange.RESPONSE_BODY_BYTES);
        assertThat(longAnswer).isEqualTo(new SendResult.Answered(500, Optional.empty(), Optional.of(new String(first, StandardCharsets.UTF_8))));
    }

    @Test
    void aHangingEndpointTimesOut() throws Exception {
        receiver = Receiver.http((request, attempt) -> Reply.hanging());
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, post(receiver.url("/hook")), SHORT_TIMEOUT);

        assertThat(result).isInstanceOfSatisfying(SendResult.TimedOut.class, timedOut ->
                assertThat(timedOut.after()).isBetween(SHORT_TIMEOUT.minusMillis(100), SHORT_TIMEOUT.multipliedBy(4)));
    }

    @Test
    void theDeadlineCutsTheConnectionOfAnEndpointThatTricklesItsResponse() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTheDeadlineCutsATrickle(server, "http", jvmTrust());
        }
    }

    @Test
    void theDeadlineCutsTheTlsConnectionOfAnEndpointThatTricklesItsResponse(@TempDir Path dir) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate();
        SSLContext trusting = TrustMaterial.sslContext(Optional.of(certificate.writeTrustStore(dir.resolve("trust.p12"))),
                Optional.of(SelfSignedCertificate.TRUST_STORE_PASSWORD), "MEDIAHOOKS_TRUST_STORE");
        try (ServerSocket server = certificate.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTheDeadlineCutsATrickle(server, "https", trusting);
        }
    }

    /**
     * Headers at once, then a body byte every 200 ms: the socket never goes quiet for a whole
     * timeout, so only the request's own deadline can end the exchange and close the connection.
     */
    private void assertTheDeadlineCutsATrickle(ServerSocket server, String scheme, SSLContext trust) throws Exception {
        CompletableFuture<Duration> closedAfterAnswer = CompletableFuture.supplyAsync(() -> answer(server)).thenCompose(this::trickle);
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, trust,
                post(scheme + "://127.0.0.1:" + server.getLocalPort() + "/hook"), SHORT_TIMEOUT);

        assertThat(result).isInstanceOfSatisfying(SendResult.Answered.class, answered -> assertThat(answered.status()).isEqualTo(200));
        assertThat(closedAfterAnswer.get(30, TimeUnit.SECONDS)).isLessThan(SHORT_TIMEOUT.plusSeconds(3));
    }

    /** A connection whose request was answered 200 with a long body still to come, and when. */
    private record Answered(Socket socket, long atNanos) {
    }

    /** Serves one connection: reads the request head and answers 200 with a 100,000-byte body to follow. */
    private static Answered answer(ServerSocket server) {
        try {
            Socket socket = server.accept();
            assertThat(socket.getInputStream().read(new byte[8192])).isPositive();
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new Answered(socket, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a body byte every 200 ms until the client closes the connection; completes with how long that took. */
    private CompletableFuture<Duration> trickle(Answered answered) {
        CompletableFuture<Duration> closed = new CompletableFuture<>();
        pacer.scheduleAtFixedRate(() -> {
            Duration since = Duration.ofNanos(System.nanoTime() - answered.atNanos());
            if (since.compareTo(Duration.ofSeconds(20)) > 0) {
                closed.completeExceptionally(new AssertionError("the client kept reading a trickling response for 20 s"));
                return;
            }
            try {
                answered.socket().getOutputStream().write('x');
                answered.socket().getOutputStream().flush();
            } catch (IOException closedByTheClient) {
                closed.complete(since);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        return closed.whenComplete((took, failure) -> {
            pacer.shutdownNow();
            try {
                answered.socket().close();
            } catch (IOException ignored) {
                // The client closed it already.
            }
        });
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, post("http://127.0.0.1:" + port + "/hook"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.error()).startsWith("connection failed"));
    }

    @Test
    void theGuardedResolverRefusesBeforeConnecting() throws Exception {
        receiver = Receiver.http((request, attempt) -> Reply.status(200));
        SendResult result = send(GuardedDnsResolver.system(AllowedAddresses.NONE), post("http://localhost:" + receiver.port() + "/hook"));

        assertThat(result).isInstanceOfSatisfying(SendResult.Refused.class,
                refused -> assertThat(refused.reason()).startsWith("localhost resolves to").contains("loopback"));
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() throws Exception {
        receiver = Receiver.https(SelfSignedCertificate.generate().serverContext(),
                (request, attempt) -> Reply.status(200));
        SendResult result = send(SystemDefaultDnsResolver.INSTANCE, post(receiver.url("/hook")));

        assertThat(result).isInstanceOfSatisfying(SendResult.Failed.class,
                failed -> assertThat(failed.error()).startsWith("TLS failed"));
        assertThat(receiver.requests()).isEmpty();
    }

    private SendResult send(DnsResolver resolver, WebhookRequest request) throws Exception {
        return send(resolver, request, TIMEOUT);
    }

    private SendResult send(DnsResolver resolver, WebhookRequest request, Duration timeout) throws Exception {
        return send(resolver, jvmTrust(), request, timeout);
    }

    private SendResult send(DnsResolver resolver, SSLContext ssl, WebhookRequest request, Duration timeout) throws Exception {
        WorkerConfig config = WorkerConfig.from(new Environment(TestSecretsKeys.with(Map.of(
                "MEDIAHOOKS_REQUEST_TIMEOUT", timeout.toMillis() + "ms", "MEDIAHOOKS_CONNECT_TIMEOUT", timeout.toMillis() + "ms",
                "MEDIAHOOKS_RESPONSE_BODY_LIMIT", "4096"))));
        client = HttpClientFactory.start(config, resolver, ssl);
        WebhookSender sender = new WebhookSender(client.client(), config.requestTimeout(), config.responseBodyLimit(), deadlines);
        SendResult result = sender.send(request).get(timeout.toSeconds() + 10, TimeUnit.SECONDS);
        assertThat(sender.inFlight().get()).isZero();
        return result;
    }

    /** The JVM's own trust, as a worker without MEDIAHOOKS_TRUST_STORE has it. */
    private static SSLContext jvmTrust() {
        return TrustMaterial.sslContext(Optional.empty(), Optional.empty(), "MEDIAHOOKS_TRUST_STORE");
    }

    private static WebhookRequest post(String url) {
        return new WebhookRequest(URI.create(url), "{}".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
    }
}
