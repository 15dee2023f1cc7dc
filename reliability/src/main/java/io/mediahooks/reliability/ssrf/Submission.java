package io.mediahooks.reliability.ssrf;

import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One URL form submitted one way ({@code API}: {@code POST /v1/webhooks}; {@code topic}: a record
 * on {@code webhook-subscriptions}, past the API), and what became of it.
 *
 * @param webhookId the webhook's id when it was accepted where it was submitted
 * @param apiRefusal the API's status and problem detail when it refused the form
 */
record Submission(UrlForms.UrlForm form, String via, Optional<String> webhookId, Optional<String> apiRefusal) {

    /**
     * Where and why the form was refused, or why not; {@code attempts} are its webhook's, {@code routerRejection} and
     * {@code workerRejection} the reasons the router's and the worker's views gave for not applying its record.
     */
    Verdict judge(List<Attempt> attempts, Optional<String> routerRejection, Optional<String> workerRejection) {
        if (apiRefusal.isPresent()) {
            return new Verdict(true, "API: " + apiRefusal.get());
        }
        if (routerRejection.isPresent() && workerRejection.isPresent()) {
            return new Verdict(true, "router and worker: invalid record, " + routerRejection.get());
        }
        // One view alone: nothing is sent, but the views must agree (one policy, the same settings).
        if (routerRejection.isPresent()) {
            return new Verdict(false, "ONLY THE ROUTER rejected the record (" + routerRejection.get() + "); the worker's view applied it");
        }
        if (workerRejection.isPresent()) {
            return new Verdict(false, "ONLY THE WORKER rejected the record (" + workerRejection.get() + "); the router applied it");
        }
        if (attempts.isEmpty()) {
            return new Verdict(false, "NO OUTCOME: accepted, but no attempt recorded and no rejection logged");
        }
        List<String> reasons = new ArrayList<>();
        for (Attempt attempt : attempts) {
            if (attempt.outcome() == AttemptOutcome.DELIVERED) {
                return new Verdict(false, "DELIVERED on attempt " + attempt.attempt());
            }
            if (attempt.status().isPresent() && attempt.status().getAsInt() >= 300 && attempt.status().getAsInt() < 400) {
                reasons.add(attempt.status().getAsInt() + " not followed");
            } else if (attempt.error().isPresent()) {
                reasons.add(attempt.error().get());
            } else {
                return new Verdict(false, "attempt " + attempt.attempt() + " records no reason (status "
                        + attempt.status() + ", " + attempt.outcome().wireName() + ")");
            }
        }
        String last = attempts.get(attempts.size() - 1).outcome().wireName();
        return new Verdict(true, "worker, " + attempts.size() + " attempts (" + last + "): "
                + String.join(" / ", reasons.stream().distinct().toList()));
    }

    /** @param refused true when the form was refused with a recorded reason, as it must be */
    record Verdict(boolean refused, String where) {
    }
}
