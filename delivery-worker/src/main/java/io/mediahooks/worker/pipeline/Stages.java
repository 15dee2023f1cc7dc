package io.mediahooks.worker.pipeline;

import io.mediahooks.worker.health.HealthReporter;
import io.mediahooks.worker.http.RequestSigner;
import io.mediahooks.worker.http.WebhookSender;
import io.mediahooks.worker.metrics.WorkerMetrics;
import io.mediahooks.worker.outcome.RetryPlanner;
import io.mediahooks.worker.safety.PrefetchingDnsResolver;
import io.mediahooks.model.safety.UrlPolicy;
import io.mediahooks.worker.view.ViewFreshness;
import io.mediahooks.worker.view.WebhookDirectory;
import java.time.Duration;

/**
 * The parts the pipeline is built from, named.
 *
 * @param viewWait      how long a delivery about to be dropped waits for the view to catch up with it
 * @param dns           looks the webhook's host up before the request, off the calling thread
 * @param lookupTimeout how long that lookup may take before the attempt fails
 */
public record Stages(
        WebhookDirectory directory,
        ViewFreshness freshness,
        Duration viewWait,
        UrlPolicy policy,
        PrefetchingDnsResolver dns,
        Duration lookupTimeout,
        RequestSigner signer,
        WebhookSender sender,
        RetryPlanner planner,
        OutcomePublisher publisher,
        HealthReporter health,
        WorkerMetrics metrics) {
}
