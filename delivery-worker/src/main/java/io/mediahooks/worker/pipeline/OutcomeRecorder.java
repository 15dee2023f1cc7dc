package io.mediahooks.worker.pipeline;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.worker.flow.CircuitBreaker;
import io.mediahooks.worker.flow.EndpointLanes;
import io.mediahooks.worker.http.EndpointKey;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.outcome.Outcome;
import io.mediahooks.worker.outcome.OutcomeClassifier;
import io.mediahooks.worker.outcome.Plan;
import io.mediahooks.worker.outcome.RetryPlanner;
import io.mediahooks.worker.outcome.SendResult;
import io.mediahooks.worker.view.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage of a delivery: classifies what happened, plans what follows, writes the attempt
 * record and the retry or dead letter, and settles the delivery once Kafka acknowledged them.
 * Runs on the pipeline's outcome executor.
 */
final class OutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final RetryPlanner planner;
    private final OutcomePublisher publisher;
    private final Settlements settlements;
    private final WorkerMetrics metrics;
    private final Clock clock;

    OutcomeRecorder(RetryPlanner planner, OutcomePublisher publisher, Settlements settlements, WorkerMetrics metrics,
                    Clock clock) {
        this.planner = planner;
        this.publisher = publisher;
        this.settlements = settlements;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** An attempt that sent nothing (refused by the safety policy, or no address found) at {@code attemptedAt}. */
    void attempted(PendingDelivery pending, String url, SendResult result, Instant attemptedAt, Duration took) {
        attempted(pending, url, result, attemptedAt, took, Map.of());
    }

    /** An attempt was made at {@code attemptedAt} with {@code requestHeaders} and took {@code took}. */
    void attempted(PendingDelivery pending, String url, SendResult result, Instant attemptedAt, Duration took,
                   Map<String, String> requestHeaders) {
        guarded(pending, () -> {
            Outcome outcome = OutcomeClassifier.classify(result, clock.instant());
            if (!(result instanceof SendResult.Refused)) {
                metrics.request(took, status(outcome));
            }
            Optional<String> responseBody = result instanceof SendResult.Answered answered ? answered.body() : Optional.empty();
            record(pending, url, outcome, attemptedAt, took, new Attempt.Exchange(requestHeaders, responseBody));
        });
    }

    /** Nothing sent: the webhook is gone or disabled, or the organization has no live secret. */
    void dropped(PendingDelivery pending, Resolution.Drop drop) {
        guarded(pending, () -> {
            metrics.dropped(drop.reason());
            record(pending, drop.url(), new Outcome.Dropped(drop.reason()), clock.instant(), Duration.ZERO, Attempt.Exchange.NONE);
        });
    }

    /**
     * Not attempted (its endpoint is failing or stalled): back on the retry topic that brings it back
     * at {@code due}, no attempt counted.
     */
    void deferred(PendingDelivery pending, Instant due, EndpointLanes.Reason reason) {
        guarded(pending, () -> defer(pending, due, reason));
    }

    /** Counts an endpoint's breaker opening or closing again. */
    void endpointChanged(EndpointKey endpoint, CircuitBreaker.Transition transition) {
        if (transition != CircuitBreaker.Transition.NONE) {
            metrics.endpointTransition(transition);
            LOG.info("Endpoint {}: circuit {}", endpoint, transition == CircuitBreaker.Transition.OPENED ? "opened" : "closed again");
        }
    }

    private void defer(PendingDelivery pending, Instant due, EndpointLanes.Reason reason) {
        Delivery delivery = pending.delivery();
        Plan.Retry plan = planner.deferral(due, clock.instant());
        Delivery later = new Delivery(delivery.deliveryId(), delivery.subscriptionId(), delivery.organizationId(),
                delivery.eventId(), delivery.eventType(), delivery.createdAt(), delivery.url(), delivery.body(),
                delivery.routedAt(), delivery.attempts(), Optional.of(plan.due()), delivery.lastAttempt());
        metrics.deferred(reason);
        LOG.debug("Delivery {} deferred to {}: {}", pending, plan.due(), reason);
        settleWhenAcknowledged(pending, List.of(publisher.retry(plan.topicDelay(), later)));
    }

    private void record(PendingDelivery pending, String url, Outcome outcome, Instant attemptedAt, Duration took,
                        Attempt.Exchange exchange) {
        Delivery delivery = pending.delivery();
        int number = delivery.attempts() + 1;
        Plan plan = planner.plan(number, outcome, clock.instant());
        Attempt attempt = new Attempt(delivery.deliveryId(), delivery.subscriptionId(), delivery.organizationId(),
                delivery.eventId(), delivery.eventType(), number, url, status(outcome), error(outcome), took.toMillis(),
                attemptedAt, plan.attemptOutcome(), exchange);
        List<CompletableFuture<Void>> sends = new ArrayList<>(2);
        sends.add(publisher.attempt(attempt));
        if (plan instanceof Plan.Retry retry) {
            sends.add(publisher.retry(retry.topicDelay(), delivery.retryAfter(attempt, retry.due())));
            metrics.retryScheduled();
            LOG.debug("Delivery {} attempt {} to {} failed ({}), retry due {}", pending, number, url, describe(attempt),
                    retry.due());
        } else if (plan instanceof Plan.DeadLetter deadLetter) {
            sends.add(publisher.deadLetter(delivery.deadLettered(attempt)));
            metrics.deadLettered(deadLetter.reason());
            LOG.info("Delivery {} of webhook {} dead-lettered after attempt {} ({}): {}", delivery.deliveryId(),
                    delivery.subscriptionId(), number, deadLetter.reason(), describe(attempt));
        } else if (plan.attemptOutcome() == AttemptOutcome.DROPPED) {
            LOG.info("Delivery {} of webhook {} dropped: {}", delivery.deliveryId(), delivery.subscriptionId(),
                    attempt.error().orElse(""));
        }
        metrics.attempt(plan.attemptOutcome(), attempt.status());
        if (WorkerMetrics.firstPass(delivery)) {
            long answered = System.nanoTime();
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).thenRun(() -> metrics.stage(
                    WorkerMetrics.Stage.ANSWERED_TO_SETTLED, Duration.ofNanos(System.nanoTime() - answered)));
        }
        settleWhenAcknowledged(pending, sends);
    }

    /** A bug here must stop the worker, not leave the delivery pending forever and its partition uncommitted. */
    private void guarded(PendingDelivery pending, Runnable stage) {
        try {
            stage.run();
        } catch (RuntimeException e) {
            settlements.failed(pending, e);
        }
    }

    private void settleWhenAcknowledged(PendingDelivery pending, List<CompletableFuture<Void>> sends) {
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).whenComplete((done, error) -> {
            if (error == null) {
                settlements.completed(pending);
            } else {
                settlements.failed(pending, error);
            }
        });
    }

    private static OptionalInt status(Outcome outcome) {
        if (outcome instanceof Outcome.Delivered delivered) {
            return OptionalInt.of(delivered.status());
        }
        if (outcome instanceof Outcome.PermanentFailure permanent) {
            return OptionalInt.of(permanent.status());
        }
        if (outcome instanceof Outcome.RetriableFailure failure) {
            return failure.status();
        }
        return OptionalInt.empty();
    }

    private static Optional<String> error(Outcome outcome) {
        if (outcome instanceof Outcome.RetriableFailure failure) {
            return failure.error();
        }
        if (outcome instanceof Outcome.Dropped dropped) {
            return Optional.of(dropped.reason().message());
        }
        return Optional.empty();
    }

    private static String describe(Attempt attempt) {
        return attempt.status().isPresent() ? "HTTP " + attempt.status().getAsInt() : attempt.error().orElse("no status");
    }
}
