package io.mediahooks.cli.listen;

import io.mediahooks.cli.CliContext;
import io.mediahooks.cli.CliException;
import io.mediahooks.cli.Flags;
import io.mediahooks.cli.secret.Secrets;
import io.mediahooks.model.retry.Durations;
import io.mediahooks.model.signing.SignatureVerifier;
import io.mediahooks.runtime.Setting;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mediahooks listen}: a local receiver that verifies every webhook it gets, until Ctrl-C. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {
            "Receive webhooks on this machine and check them, until Ctrl-C.",
            "",
            "Point a webhook at http://127.0.0.1:<port>/ (any path). Every POST is verified with both signatures"
                    + " (" + SignatureCheck.DEFAULT_HEX_HEADER + " and Standard Webhooks' webhook-signature) under the"
                    + " secrets given, exactly as mediahooks signs it; 200 answers a verified request, 401 any other.",
            "One line per request: verdict, status answered, event type, event id, webhook-id, attempt (how often this"
                    + " webhook-id arrived), latency (from the event's created_at to its arrival) and path.",
            "Paths starting with /fail answer 503 and /gone 410, on purpose. GET /health answers 200.",
            "The API, the router and the workers refuse plain http and loopback URLs unless MEDIAHOOKS_ALLOW_HTTP and"
                    + " MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS are true for each of them (./mediahooks local sets both)."})
public final class ListenCommand implements Callable<Integer> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "9000",
            description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface (in a container). Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--secret", paramLabel = "whsec_…", required = true,
            description = "The organization's secret (Webhooks secret key). Repeat it during a rotation: a request"
                    + " verifies under any of them.")
    List<String> secrets;

    @Option(names = "--fail-rate", paramLabel = "<share>", defaultValue = "0",
            description = "Share of verified requests answered --fail-status at random, 0 to 1 (0.3: about one in"
                    + " three), to watch retries. Default: ${DEFAULT-VALUE}.")
    double failRate;

    @Option(names = "--fail-status", paramLabel = "<status>", defaultValue = "503",
            description = "Status of those failures. Default: ${DEFAULT-VALUE}.")
    int failStatus;

    @Option(names = "--delay", paramLabel = "<duration>",
            description = "Hold every answer back this long (500ms, 20s), like a slow endpoint. Default: none.")
    String delay;

    @Option(names = "--signature-header", paramLabel = "<name>",
            description = "Name of the hex signature header. Default: MEDIAHOOKS_SIGNATURE_HEADER, else "
                    + SignatureCheck.DEFAULT_HEX_HEADER + ".")
    String signatureHeader;

    @Option(names = {"-v", "--verbose"}, description = "Also print each request's headers and body.")
    boolean verbose;

    private final CliContext context;

    public ListenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        secrets.forEach(secret -> Secrets.validate(secret, "--secret"));
        if (port < 0 || port > 65_535) {
            throw CliException.usage("--port: expected 0 to 65535, got " + port);
        }
        Duration hold = delay == null ? Duration.ZERO : Flags.parse("--delay", delay, Durations::parse);
        Answers answers = Flags.parse("--fail-rate", () -> new Answers(failRate, failStatus, hold, new Random()));
        SignatureCheck check = new SignatureCheck(new SignatureVerifier(context.clock(), SignatureVerifier.DEFAULT_TOLERANCE),
                hexHeader());
        List<String> known = List.copyOf(secrets);
        WebhookReceiver receiver;
        try {
            receiver = WebhookReceiver.start(new InetSocketAddress(host, port), check, () -> known, answers, context.clock(),
                    this::print);
        } catch (IOException e) {
            throw CliException.failure("cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + (port == 0 ? "" : " (is the port taken? try --port 0)"), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            receiver.close();
            stopped.countDown();
        }, "listen-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        context.println("Listening on " + receiver.url() + "/ with " + known.size() + " secret(s); point a webhook there."
                + (answers.failRate() > 0 ? " Failing " + Math.round(answers.failRate() * 100) + "% on purpose." : "")
                + (hold.isZero() ? "" : " Answering after " + Durations.format(hold) + ".")
                + " Ctrl-C stops.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (a test, an embedding program) rather than by a signal.
            Thread.currentThread().interrupt();
        } finally {
            receiver.close();
            removeHook(hook);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }

    private String hexHeader() {
        if (signatureHeader != null && !signatureHeader.isBlank()) {
            return signatureHeader;
        }
        String fromEnvironment = context.environment().get(Setting.of("MEDIAHOOKS_SIGNATURE_HEADER", "",
                "read by mediahooks listen", text -> text));
        return fromEnvironment.isBlank() ? SignatureCheck.DEFAULT_HEX_HEADER : fromEnvironment;
    }

    private void print(ReceivedRequest request) {
        String time = LocalTime.ofInstant(context.clock().instant(), ZoneId.systemDefault()).format(CLOCK);
        StringBuilder text = new StringBuilder(time).append("  ").append(request.line());
        if (verbose) {
            request.details().forEach(line -> text.append('\n').append(line));
        }
        context.println(text.toString());
    }
}
