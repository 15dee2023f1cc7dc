package io.mediahooks.bench.micro;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.signing.WebhookSigner;
import io.mediahooks.worker.http.RequestSigner;
import io.mediahooks.worker.http.WebhookRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What signing one delivery costs: each signature of SPEC.md alone over a typical body (about
 * 500 bytes), and the worker's whole per-attempt step ({@link RequestSigner}: body bytes, both
 * signatures, the header map).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SigningBenchmark {

    private byte[] body;
    private String messageId;
    private long timestamp;
    private List<WebhookSecret> secrets;
    private Delivery delivery;
    private URI url;
    private RequestSigner signer;

    @Setup
    public void setUp() {
        RoutedSample sample = RoutedSample.withFanOut(1);
        delivery = sample.deliveries().get(0);
        body = delivery.bodyBytes();
        messageId = delivery.deliveryId().value();
        timestamp = sample.now().getEpochSecond();
        secrets = sample.workload().organizations().get(0).secrets().secrets();
        url = URI.create(delivery.url());
        signer = new RequestSigner("X-FP-Webhook-Signature-Hmac-Sha-256");
    }

    @Benchmark
    public String hexSignature() {
        return WebhookSigner.hexSignature(secrets.get(0).value(), body);
    }

    @Benchmark
    public String standardWebhooksSignature() {
        return WebhookSigner.standardSignature(messageId, timestamp, body, secrets);
    }

    @Benchmark
    public WebhookRequest workerRequestSigner() {
        return signer.sign(delivery, url, secrets, Instant.ofEpochSecond(timestamp));
    }
}
