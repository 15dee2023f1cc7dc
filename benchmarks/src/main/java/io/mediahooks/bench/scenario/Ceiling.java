package io.mediahooks.bench.scenario;

import io.mediahooks.bench.cluster.ChildProcess;
import io.mediahooks.bench.receiver.LoopbackReceiver;
import io.mediahooks.bench.receiver.Recording;
import io.mediahooks.bench.report.Progress;
import io.mediahooks.model.signing.WebhookSigner;
import io.mediahooks.worker.WorkerConfig;
import io.mediahooks.worker.http.HttpClientFactory;
import io.mediahooks.worker.http.PooledHttpClient;
import io.mediahooks.worker.http.WebhookRequest;
import io.mediahooks.worker.http.WebhookSender;
import io.mediahooks.worker.outcome.SendResult;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The ceiling: how many POSTs a second the worker's own HTTP client (built by its
 * {@link HttpClientFactory}, sent through its {@link WebhookSender}) gets through to the same
 * receiver endpoints, with no Kafka and no signing. Each endpoint gets a closed loop of
 * {@code perEndpoint} requests in flight; the rate counts what the receiver saw.
 */
public final class Ceiling {

    private final LoopbackReceiver receiver;
    private final List<URI> urls;
    private final WorkerConfig config;
    private final byte[] body;

    /**
     * @param urls   one per endpoint
     * @param config the worker's settings, from which its client is built
     * @param body   a body like the deliveries' bodies
     */
    public Ceiling(LoopbackReceiver receiver, List<URI> urls, WorkerConfig config, byte[] body) {
        this.receiver = receiver;
        this.urls = List.copyOf(urls);
        this.config = config;
        this.body = body.clone();
    }

    /** One run at one concurrency. */
    public record Run(int perEndpoint, int inFlight, double perSecond, long failures, Instant from, Instant to,
                      double harnessCores) {
    }

    /** Runs at each per-endpoint concurrency and returns every run; the ceiling is the best of them. */
    public List<Run> sweep(List<Integer> perEndpointLevels, Duration warmUp, Duration measure) {
        List<Run> runs = new ArrayList<>();
        for (int perEndpoint : perEndpointLevels) {
            runs.add(run(perEndpoint, warmUp, measure));
        }
        return runs;
    }

    private Run run(int perEndpoint, Duration warmUp, Duration measure) {
        int inFlight = Math.min(config.maxInFlight(), perEndpoint * urls.size());
        ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ceiling-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // As the worker builds it: its factory, the system resolver (private networks allowed), the JVM's trust.
        PooledHttpClient client = HttpClientFactory.start(config, SystemDefaultDnsResolver.INSTANCE, sslContext());
        try {
            WebhookSender sender = new WebhookSender(client.client(), config.requestTimeout(), config.responseBodyLimit(), deadlines);
            Loop loop = new Loop(sender, body);
            for (int lane = 0; lane < inFlight; lane++) {
                loop.next(urls.get(lane % urls.size()));
            }
            Progress.say("ceiling: %d endpoints x %d in flight (%d), warming up %ds", urls.size(), perEndpoint, inFlight,
                    warmUp.toSeconds());
            sleep(warmUp);
            Recording recording = receiver.record(Recording.unsigned());
            long failuresBefore = loop.failures.get();
            long cpuBefore = ChildProcess.ProcStat.cpuNanos(ProcessHandle.current().pid());
            Instant started = Instant.now();
            sleep(measure);
            long received = recording.distinct();
            Instant ended = Instant.now();
            double seconds = Duration.between(started, ended).toNanos() / 1e9;
            double cores = (ChildProcess.ProcStat.cpuNanos(ProcessHandle.current().pid()) - cpuBefore) / 1e9 / seconds;
            loop.stop();
            Run run = new Run(perEndpoint, inFlight, received / seconds, loop.failures.get() - failuresBefore, started, ended,
                    cores);
            Progress.say("ceiling: %,.0f POST/s at %d in flight (client and receiver used %.2f cores; %d failed%s; %d connections so far)",
                    run.perSecond(), inFlight, cores, run.failures(), run.failures() == 0 ? "" : ": " + loop.reasons(),
                    receiver.connectionsAccepted());
            loop.awaitQuiet();
            return run;
        } finally {
            client.close();
            deadlines.shutdownNow();
        }
    }

    private static SSLContext sslContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no default TLS context", e);
        }
    }

    private static void sleep(Duration duration) {
        io.mediahooks.bench.cluster.Pause.millis(duration.toMillis());
    }

    /** Closed loops: each completed request sends the next one to the same endpoint. */
    private static final class Loop {

        private final WebhookSender sender;
        private final byte[] body;
        private final Map<String, String> fixedHeaders;
        private final AtomicLong sequence = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong outstanding = new AtomicLong();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Map<String, AtomicLong> reasons = new ConcurrentHashMap<>();

        Loop(WebhookSender sender, byte[] body) {
            this.sender = sender;
            this.body = body;
            // Headers of a real delivery's size; their values need not verify (nothing checks them here).
            long timestamp = Instant.now().getEpochSecond();
            byte[] key = new byte[32];
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("webhook-timestamp", Long.toString(timestamp));
            headers.put("webhook-signature", WebhookSigner.standardEntry("msg_0", timestamp, body, key));
            headers.put("X-FP-Webhook-Signature-Hmac-Sha-256",
                    WebhookSigner.hexSignature("whsec_" + "A".repeat(43), body));
            this.fixedHeaders = headers;
        }

        void next(URI url) {
            if (stopped.get()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>(fixedHeaders);
            headers.put("webhook-id", "msg_ceiling" + sequence.incrementAndGet());
            outstanding.incrementAndGet();
            sender.send(new WebhookRequest(url, body, headers)).thenAccept(result -> {
                outstanding.decrementAndGet();
                if (!(result instanceof SendResult.Answered answered) || answered.status() != 200) {
                    failures.incrementAndGet();
                    reasons.computeIfAbsent(describe(result), any -> new AtomicLong()).incrementAndGet();
                }
                next(url);
            });
        }

        void stop() {
            stopped.set(true);
        }

        private static String describe(SendResult result) {
            if (result instanceof SendResult.Answered answered) {
                return "HTTP " + answered.status();
            }
            if (result instanceof SendResult.Failed failed) {
                return failed.error().length() > 80 ? failed.error().substring(0, 80) : failed.error();
            }
            return result.getClass().getSimpleName();
        }

        String reasons() {
            return reasons.entrySet().stream().map(entry -> entry.getKey() + " x" + entry.getValue().get())
                    .collect(java.util.stream.Collectors.joining("; "));
        }

        void awaitQuiet() {
            Instant deadline = Instant.now().plusSeconds(10);
            while (outstanding.get() > 0 && Instant.now().isBefore(deadline)) {
                io.mediahooks.bench.cluster.Pause.millis(20);
            }
        }
    }
}
