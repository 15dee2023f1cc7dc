package io.mediahooks.worker.health;

import io.mediahooks.model.Delivery;
import io.mediahooks.model.OperationalEvent;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.worker.flow.CircuitBreaker;
import io.mediahooks.worker.http.EndpointKey;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.view.WebhookDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the circuit breakers see into operational events, one per webhook: its endpoint
 * opened (and since when it fails), recovered, or, once every attempt failed for
 * {@code disableAfter}, the webhook disabled at its current revision. Thread-safe.
 *
 * <p>A breaker belongs to an endpoint, which several webhooks may share: each webhook whose
 * deliveries met the open breaker gets its own {@code endpoint_opened}, and each of those its
 * {@code endpoint_recovered}. How long the endpoint has been failing survives restarts and moves
 * between workers through the topic: the {@code failing_since} of the webhook's latest
 * {@code endpoint_opened} record (at the same revision) counts as the start of the streak.
 */
public final class HealthReporter {

    private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);

    private final WebhookDirectory directory;
    private final Function<OperationalEvent, CompletableFuture<Void>> publisher;
    private final WorkerMetrics metrics;
    private final Clock clock;
    private final Duration disableAfter;
    private final Map<EndpointKey, Set<SubscriptionId>> opened = new HashMap<>();
    private final Set<String> disabled = new HashSet<>();

    public HealthReporter(WebhookDirectory directory, Function<OperationalEvent, CompletableFuture<Void>> publisher,
                          WorkerMetrics metrics, Clock clock, Duration disableAfter) {
        this.directory = directory;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.disableAfter = disableAfter;
    }

    /** After an attempt of {@code delivery} to {@code endpoint}: its breaker's transition and failing streak. */
    public synchronized void attempted(Delivery delivery, EndpointKey endpoint, boolean succeeded,
                                       CircuitBreaker.Transition transition, Optional<Instant> failingSince, String lastError) {
        if (transition == CircuitBreaker.Transition.RECOVERED) {
            Set<SubscriptionId> affected = opened.getOrDefault(endpoint, new HashSet<>());
            affected.add(delivery.subscriptionId());
            for (SubscriptionId id : affected) {
                publish(id, OperationalEvent.Type.ENDPOINT_RECOVERED, "an attempt succeeded again", Optional.empty());
            }
            opened.remove(endpoint);
            return;
        }
        if (transition == CircuitBreaker.Transition.OPENED) {
            LOG.warn("Endpoint {} keeps failing (last: {}): no attempts for a while", endpoint, lastError);
            opened(delivery.subscriptionId(), endpoint, failingSince, lastError);
        }
        if (!succeeded && failingSince.isPresent()) {
            disableIfFailingTooLong(delivery.subscriptionId(), failingSince.get(), lastError);
        }
    }

    /** A delivery of a webhook met its endpoint's open breaker: the webhook learns its endpoint is open, once. */
    public synchronized void deferred(Delivery delivery, EndpointKey endpoint) {
        if (!opened.getOrDefault(endpoint, Set.of()).contains(delivery.subscriptionId())) {
            opened(delivery.subscriptionId(), endpoint, Optional.empty(), "its endpoint is failing");
        }
    }

    private void opened(SubscriptionId id, EndpointKey endpoint, Optional<Instant> failingSince, String lastError) {
        opened.computeIfAbsent(endpoint, key -> new HashSet<>()).add(id);
        Optional<Instant> since = earliest(failingSince, persistedStreak(id));
        publish(id, OperationalEvent.Type.ENDPOINT_OPENED, "attempts keep failing (last: " + lastError + ")", since);
    }

    private void disableIfFailingTooLong(SubscriptionId id, Instant failingSince, String lastError) {
        Instant since = earliest(Optional.of(failingSince), persistedStreak(id)).orElse(failingSince);
        Instant now = clock.instant();
        Optional<WebhookDirectory.Revision> revision = directory.revision(id);
        if (revision.isEmpty() || Duration.between(since, now).compareTo(disableAfter) < 0) {
            return;
        }
        long offset = revision.get().offset();
        if (!disabled.add(id.value() + "@" + offset)) {
            return;
        }
        String reason = "every attempt failed since " + since + " (last: " + lastError + ")";
        LOG.warn("Webhook {} disabled at revision {}: {}", id, offset, reason);
        publish(id, OperationalEvent.Type.DISABLED, reason, Optional.of(since));
    }

    /** Since when the webhook's endpoint failed by its latest record, if that says it is open at the current revision. */
    private Optional<Instant> persistedStreak(SubscriptionId id) {
        OptionalLong current = directory.revision(id).map(revision -> OptionalLong.of(revision.offset())).orElse(OptionalLong.empty());
        return directory.health(id)
                .filter(event -> event.type() != OperationalEvent.Type.ENDPOINT_RECOVERED)
                .filter(event -> event.subscriptionOffset().equals(current))
                .flatMap(OperationalEvent::failingSince);
    }

    private void publish(SubscriptionId id, OperationalEvent.Type type, String reason, Optional<Instant> failingSince) {
        Optional<WebhookDirectory.Revision> revision = directory.revision(id);
        if (revision.isEmpty()) {
            return;
        }
        OperationalEvent event = new OperationalEvent(id, revision.get().subscription().organizationId(), type, clock.instant(),
                revision.get().subscription().url().toString(), reason, failingSince, OptionalLong.of(revision.get().offset()));
        metrics.operationalEvent(type);
        LOG.info("Webhook {}: {} ({})", id, type.wireName(), reason);
        publisher.apply(event).whenComplete((done, error) -> {
            if (error != null) {
                LOG.warn("Could not publish the operational event {} of webhook {}: {}", type.wireName(), id, error.toString());
            }
        });
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().isBefore(b.get()) ? a.get() : b.get());
    }
}
