package io.mediahooks.worker.pipeline;

import io.mediahooks.worker.flow.EndpointLanes;
import io.mediahooks.worker.health.HealthReporter;
import io.mediahooks.worker.http.EndpointKey;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.http.RequestSigner;
import io.mediahooks.worker.http.WebhookRequest;
import io.mediahooks.worker.http.WebhookSender;
import io.mediahooks.worker.outcome.SendResult;
import io.mediahooks.worker.safety.PrefetchingDnsResolver;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.worker.view.Resolution;
import io.mediahooks.worker.view.ViewFreshness;
import io.mediahooks.worker.view.WebhookDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * The stages one delivery goes through after the poll thread hands it over, none of which blocks:
 * resolve against the view (drop, or the current URL), wait for a slot of its endpoint, check the
 * URL, look its host up, sign, send, then record the outcome. Deliveries of partitions being revoked that have not
 * been sent yet are handed back instead.
 */
public final class DeliveryPipeline {

    private final WebhookDirectory directory;
    private final ViewFreshness freshness;
    private final Duration viewWait;
    private final UrlPolicy policy;
    private final PrefetchingDnsResolver dns;
    private final Duration lookupTimeout;
    private final RequestSigner signer;
    private final WebhookSender sender;
    private final OutcomeRecorder recorder;
    private final HealthReporter health;
    private final WorkerMetrics stages;
    private final Settlements settlements;
    private final Executor outcomes;
    private final Clock clock;
    private final EndpointLanes<Slot> lanes;
    private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
    private final OwnershipLease lease;
    /** Deliveries holding a slot of their endpoint that wait for the poll thread to vouch for their partition again. */
    private final Queue<Slot> parked = new ConcurrentLinkedQueue<>();

    public DeliveryPipeline(Stages stages, Settlements settlements, Executor outcomes, Clock clock,
                            EndpointLanes.Settings flow, OwnershipLease lease) {
        this.directory = stages.directory();
        this.freshness = stages.freshness();
        this.viewWait = stages.viewWait();
        this.policy = stages.policy();
        this.dns = stages.dns();
        this.lookupTimeout = stages.lookupTimeout();
        this.signer = stages.signer();
        this.sender = stages.sender();
        this.recorder = new OutcomeRecorder(stages.planner(), stages.publisher(), settlements, stages.metrics(), clock);
        this.health = stages.health();
        this.stages = stages.metrics();
        this.settlements = settlements;
        this.outcomes = outcomes;
        this.clock = clock;
        this.lanes = new EndpointLanes<>(flow, this::start, clock);
        this.lease = lease;
    }

    /** Called by the poll thread when partitions are assigned. */
    public void own(Collection<TopicPartition> partitions) {
        owned.addAll(partitions);
    }

    /** Called by the poll thread when partitions go: their unstarted deliveries are handed back. */
    public void disown(Collection<TopicPartition> partitions) {
        owned.removeAll(partitions);
        lanes.removeWaiting(slot -> partitions.contains(slot.pending().partition()))
                .forEach(slot -> settlements.handedBack(slot.pending()));
    }

    /**
     * Called by the poll thread after a pause (see {@link OwnershipLease}): every delivery of
     * {@code partitions} not sent yet, waiting for its endpoint or parked, is handed back, and
     * the partitions are owned again; the poll thread reads them again from their committed offsets.
     */
    public void distrust(Collection<TopicPartition> partitions) {
        disown(partitions);
        Slot slot;
        while ((slot = parked.poll()) != null) {
            Slot handedBack = slot;
            finish(handedBack, () -> settlements.handedBack(handedBack.pending()));
        }
        own(partitions);
    }

    /** Called by the poll thread once it renewed the lease: the parked deliveries start (or are handed back if their partition went). */
    public void resumeParked() {
        Slot slot;
        while ((slot = parked.poll()) != null) {
            Slot resumed = slot;
            outcomes.execute(() -> start(resumed));
        }
    }

    /** Deliveries holding an endpoint slot. */
    public int active() {
        return lanes.active();
    }

    /** Endpoints whose circuit breaker is open or half-open. */
    public int unhealthyEndpoints() {
        return lanes.unhealthyEndpoints();
    }

    /**
     * Called by the poll thread now and then: what unhealthy endpoints hold beyond their allowance
     * is deferred, so a hanging endpoint's backlog does not sit in memory until its requests time out.
     */
    public void sweep() {
        defer(lanes.sweep());
    }

    /** Takes a delivery from the poll thread; returns at once. */
    public void submit(PendingDelivery pending) {
        Resolution resolution = directory.resolve(pending.delivery(), clock.instant());
        Instant routedAt = pending.delivery().routedAt();
        if (resolution instanceof Resolution.Drop && !freshness.isFreshAsOf(routedAt)) {
            // The webhook or secret may be newer than the view: look again once the view caught up.
            freshness.whenFreshAsOf(routedAt)
                    .completeOnTimeout(null, viewWait.toMillis(), TimeUnit.MILLISECONDS)
                    .thenRunAsync(() -> route(pending, directory.resolve(pending.delivery(), clock.instant())), outcomes);
            return;
        }
        route(pending, resolution);
    }

    private void route(PendingDelivery pending, Resolution resolution) {
        if (!owned.contains(pending.partition())) {
            settlements.handedBack(pending);
        } else if (resolution instanceof Resolution.Drop drop) {
            outcomes.execute(() -> recorder.dropped(pending, drop));
        } else {
            Slot slot = new Slot(pending, EndpointKey.of(((Resolution.Send) resolution).url()));
            if (lanes.submit(slot.endpoint(), slot) instanceof EndpointLanes.Admission.Deferred deferred) {
                defer(List.of(new EndpointLanes.Deferral<>(slot, deferred.due(), deferred.reason())));
            }
        }
    }

    /** Runs holding a slot of the endpoint; every path gives the slot back from the outcome executor. */
    private void start(Slot slot) {
        PendingDelivery pending = slot.pending();
        try {
            if (!owned.contains(pending.partition())) {
                finish(slot, () -> settlements.handedBack(pending));
                return;
            }
            if (!lease.fresh(System.nanoTime())) {
                // The process may have been paused and the partition given to another worker: wait for the poll thread.
                parked.add(slot);
                return;
            }
            Instant now = clock.instant();
            // Resolved again: the webhook may have changed while the delivery waited for its slot.
            Resolution resolution = directory.resolve(pending.delivery(), now);
            if (resolution instanceof Resolution.Drop drop) {
                finish(slot, () -> recorder.dropped(pending, drop));
                return;
            }
            Resolution.Send send = (Resolution.Send) resolution;
            String url = send.url().toString();
            Optional<String> refusal = policy.refusal(send.url());
            if (refusal.isPresent()) {
                outcomes.execute(() -> {
                    release(slot, EndpointLanes.Verdict.FAILURE, "refused: " + refusal.get());
                    recorder.attempted(pending, url, new SendResult.Refused(refusal.get()), now, Duration.ZERO);
                });
                return;
            }
            long started = System.nanoTime();
            // copy(): a timeout here must not complete the lookup that other deliveries share.
            dns.prefetch(send.url().getHost()).copy().orTimeout(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((looked, slow) -> {
                        if (slow == null) {
                            send(slot, url, send, now, started);
                        } else {
                            SendResult failed = new SendResult.Failed("DNS lookup of " + send.url().getHost()
                                    + " took longer than " + lookupTimeout.toMillis() + " ms");
                            outcomes.execute(() -> {
                                release(slot, EndpointLanes.Verdict.FAILURE, failed.summary());
                                recorder.attempted(pending, url, failed, now, elapsedSince(started));
                            });
                        }
                    });
        } catch (RuntimeException e) {
            finish(slot, () -> settlements.failed(pending, e));
        }
    }

    private void send(Slot slot, String url, Resolution.Send send, Instant now, long started) {
        PendingDelivery pending = slot.pending();
        try {
            if (WorkerMetrics.firstPass(pending.delivery())) {
                stages.stage(WorkerMetrics.Stage.POLLED_TO_SENT, elapsedSince(pending.polledNanos()));
            }
            // Signed now, after the lookup: webhook-timestamp is the moment the request goes out.
            WebhookRequest request = signer.sign(pending.delivery(), send.url(), send.liveSecrets(), clock.instant());
            sender.send(request)
                    .thenAcceptAsync(result -> {
                        release(slot, verdict(result), result.summary());
                        recorder.attempted(pending, url, result, now, elapsedSince(started), request.headers());
                    }, outcomes);
        } catch (RuntimeException e) {
            finish(slot, () -> settlements.failed(pending, e));
        }
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private void finish(Slot slot, Runnable then) {
        outcomes.execute(() -> {
            release(slot, EndpointLanes.Verdict.NONE, "");
            then.run();
        });
    }

    /** Runs on the outcome executor: frees the slot, and defers what the endpoint's breaker now refuses. */
    private void release(Slot slot, EndpointLanes.Verdict verdict, String lastError) {
        EndpointLanes.Released<Slot> released = lanes.release(slot.endpoint(), verdict);
        if (verdict != EndpointLanes.Verdict.NONE) {
            health.attempted(slot.pending().delivery(), slot.endpoint(), verdict == EndpointLanes.Verdict.SUCCESS,
                    released.transition(), released.failingSince(), lastError);
            recorder.endpointChanged(slot.endpoint(), released.transition());
        }
        defer(released.deferred());
    }

    private void defer(List<EndpointLanes.Deferral<Slot>> deferrals) {
        for (EndpointLanes.Deferral<Slot> deferral : deferrals) {
            PendingDelivery pending = deferral.item().pending();
            outcomes.execute(() -> {
                if (deferral.reason() == EndpointLanes.Reason.ENDPOINT_OPEN) {
                    health.deferred(pending.delivery(), deferral.item().endpoint());
                }
                recorder.deferred(pending, deferral.due(), deferral.reason());
            });
        }
    }

    private static EndpointLanes.Verdict verdict(SendResult result) {
        return result instanceof SendResult.Answered answered && answered.status() / 100 == 2
                ? EndpointLanes.Verdict.SUCCESS : EndpointLanes.Verdict.FAILURE;
    }

    private record Slot(PendingDelivery pending, EndpointKey endpoint) {
    }
}
