package io.mediahooks.worker.metrics;

import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.worker.flow.CircuitBreaker;
import io.mediahooks.worker.flow.EndpointLanes;
import io.mediahooks.worker.outcome.DropReason;
import io.mediahooks.worker.outcome.Plan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The worker's own meters, under {@code mediahooks.worker.*} (Prometheus: {@code mediahooks_worker_*}):
 * attempts by outcome and status class, request latency, deliveries held and requests in flight,
 * retries, dead letters, drops, deferrals, invalid records and paused partitions.
 */
public final class WorkerMetrics {

    private static final String PREFIX = "mediahooks.worker.";
    /** 1xx to 9xx, and none. */
    private static final int STATUS_CLASSES = 10;

    private final MeterRegistry registry;
    private final AtomicInteger pausedPartitions = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    // Per delivery: plain LongAdders read by the registry at scrape time (FunctionCounter), indexed by
    // outcome and status class, instead of a Micrometer counter (a DoubleAdder) looked up by a string key.
    private final LongAdder[][] attempts = new LongAdder[AttemptOutcome.values().length][STATUS_CLASSES];
    private final Timer[] latencies = new Timer[STATUS_CLASSES];
    private final Counter retriesScheduled;
    private final Map<String, Counter> deferrals = new ConcurrentHashMap<>();
    private final Map<OperationalEvent.Type, Counter> operationalEvents = new EnumMap<>(OperationalEvent.Type.class);

    public WorkerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(PREFIX + "partitions.paused", pausedPartitions, AtomicInteger::get)
                .description("Assigned partitions paused: retries not yet due, or backpressure")
                .register(registry);
        Gauge.builder(PREFIX + "deliveries.held", held, AtomicInteger::get)
                .description("Deliveries consumed and not yet complete (sending, waiting for an endpoint, publishing)")
                .register(registry);
        retriesScheduled = Counter.builder(PREFIX + "retries.scheduled")
                .description("Deliveries put on a retry topic after a failed attempt").register(registry);
        for (EndpointLanes.Reason reason : EndpointLanes.Reason.values()) {
            // Registered up front, so the count shows 0 before the first deferral.
            deferrals.put(reason.name(), Counter.builder(PREFIX + "deferred")
                    .description("Deliveries put back on a retry topic unattempted: their endpoint was failing or stalled")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        for (OperationalEvent.Type type : OperationalEvent.Type.values()) {
            operationalEvents.put(type, Counter.builder(PREFIX + "operational.events")
                    .description("Operational events published: a webhook's endpoint opened or recovered, or the webhook disabled")
                    .tag("type", type.wireName()).register(registry));
        }
        for (CircuitBreaker.Transition transition : List.of(CircuitBreaker.Transition.OPENED,
                CircuitBreaker.Transition.RECOVERED)) {
            Counter.builder(PREFIX + "endpoint.transitions")
                    .description("Endpoint circuit breakers opened or recovered (closed again)")
                    .tag("transition", transition.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    /** Exposes the number of requests on the wire. */
    public void requestsInFlight(Supplier<Number> inFlight) {
        Gauge.builder(PREFIX + "requests.in.flight", inFlight).description("HTTP requests on the wire").register(registry);
    }

    public void attempt(AttemptOutcome outcome, OptionalInt status) {
        int statusClass = statusClassIndex(status);
        LongAdder count = attempts[outcome.ordinal()][statusClass];
        if (count == null) {
            count = registerAttempts(outcome, statusClass);
        }
        count.increment();
    }

    private synchronized LongAdder registerAttempts(AttemptOutcome outcome, int statusClass) {
        LongAdder count = attempts[outcome.ordinal()][statusClass];
        if (count == null) {
            LongAdder created = new LongAdder();
            FunctionCounter.builder(PREFIX + "attempts", created, LongAdder::doubleValue)
                    .description("Delivery attempts, one per webhook-attempts record")
                    .tag("outcome", outcome.wireName())
                    .tag("status_class", statusClassName(statusClass))
                    .register(registry);
            attempts[outcome.ordinal()][statusClass] = created;
            count = created;
        }
        return count;
    }

    /** The time of one HTTP request, from the first byte out to the response (or failure). */
    public void request(Duration took, OptionalInt status) {
        int statusClass = statusClassIndex(status);
        Timer timer = latencies[statusClass];
        if (timer == null) {
            timer = registerLatency(statusClass);
        }
        timer.record(took);
    }

    private synchronized Timer registerLatency(int statusClass) {
        if (latencies[statusClass] == null) {
            latencies[statusClass] = Timer.builder(PREFIX + "request.duration")
                    .description("Webhook request latency")
                    .tag("status_class", statusClassName(statusClass))
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(60))
                    .register(registry);
        }
        return latencies[statusClass];
    }

    public void retryScheduled() {
        retriesScheduled.increment();
    }

    public void deadLettered(Plan.DeadLetter.Reason reason) {
        Counter.builder(PREFIX + "dead.letters").description("Deliveries dead-lettered")
                .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry).increment();
    }

    public void dropped(DropReason reason) {
        Counter.builder(PREFIX + "dropped").description("Deliveries dropped without sending")
                .tag("reason", reason.tag()).register(registry).increment();
    }

    public void deferred(EndpointLanes.Reason reason) {
        deferrals.get(reason.name()).increment();
    }

    public void operationalEvent(OperationalEvent.Type type) {
        operationalEvents.get(type).increment();
    }

    public void endpointTransition(CircuitBreaker.Transition transition) {
        Counter.builder(PREFIX + "endpoint.transitions").tag("transition", transition.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    /** Exposes the number of endpoints whose circuit breaker is open or half-open on this worker. */
    public void unhealthyEndpoints(Supplier<Number> count) {
        Gauge.builder(PREFIX + "endpoints.unhealthy", count)
                .description("Endpoints whose circuit breaker is open or half-open on this worker").register(registry);
    }

    public void invalidDelivery(String topic) {
        Counter.builder(PREFIX + "invalid.records").description("Delivery records skipped because they break the contract")
                .tag("topic", topic).register(registry).increment();
    }

    public void invalidViewRecord(String topic) {
        Counter.builder(PREFIX + "view.invalid.records")
                .description("Subscription or secrets records skipped (the previous version stays)")
                .tag("topic", topic).register(registry).increment();
    }

    public void pausedPartitions(int count) {
        pausedPartitions.set(count);
    }

    public void held(int count) {
        held.set(count);
    }

    static String statusClass(OptionalInt status) {
        return statusClassName(statusClassIndex(status));
    }

    private static int statusClassIndex(OptionalInt status) {
        return status.isPresent() ? Math.min(9, Math.max(1, status.getAsInt() / 100)) : 0;
    }

    private static String statusClassName(int index) {
        return index == 0 ? "none" : index + "xx";
    }
}
