package io.mediahooks.cli.local;

import io.mediahooks.model.EventId;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The local run's own check that nothing is skipped at start-up: the first sample events must
 * reach every demo webhook that wants them (the failing one included: it is reached, then
 * answers 503). A fresh directory is the case that once lost the first events, while the router
 * was still loading its webhooks. Thread-safe: the publisher and the receiver's threads feed it.
 */
final class FirstEventsCheck {

    /** How many of the first sample events are checked. */
    static final int EVENTS = 3;
    /** How long after the last checked event was published its deliveries may take (a busy laptop, retries of the worker). */
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private final List<Subscription> webhooks;
    private final Set<String> expected = new LinkedHashSet<>();
    private final Set<String> arrived = new LinkedHashSet<>();
    private int checked;
    private Instant lastPublished;
    private boolean reported;

    FirstEventsCheck(List<Subscription> webhooks) {
        this.webhooks = List.copyOf(webhooks);
    }

    /** A sample event was published: the first {@value #EVENTS} are expected at every webhook they match. */
    synchronized void published(MediaEvent event, Instant at) {
        if (checked == EVENTS) {
            return;
        }
        checked++;
        lastPublished = at;
        for (Subscription webhook : webhooks) {
            if (webhook.matches(event)) {
                expected.add(pair(webhook.id().value(), event.eventId()));
            }
        }
    }

    /** A request for {@code eventId} reached the receiver at the path of {@code webhook}. */
    synchronized void arrived(String webhook, String eventId) {
        arrived.add(pair(webhook, new EventId(eventId)));
    }

    /**
     * The verdict, once: passed as soon as every delivery expected of the first {@value #EVENTS}
     * events arrived; failed, naming what is missing, when {@link #PATIENCE} has passed since the
     * last of them was published. Empty until then, and after it was given.
     */
    synchronized Optional<String> verdict(Instant now) {
        if (reported || checked < EVENTS) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(arrived);
        if (missing.isEmpty()) {
            reported = true;
            return Optional.of("Check passed: the first " + EVENTS + " sample events reached every webhook that wants them ("
                    + expected.size() + " deliveries, signatures verified).");
        }
        if (now.isAfter(lastPublished.plus(PATIENCE))) {
            reported = true;
            return Optional.of("CHECK FAILED: of the first " + EVENTS + " sample events, " + missing.size() + " of "
                    + expected.size() + " deliveries never arrived within " + PATIENCE.toSeconds() + " s: "
                    + String.join(", ", missing) + ". See the router's log.");
        }
        return Optional.empty();
    }

    private static String pair(String webhook, EventId event) {
        return event.value() + " -> " + webhook;
    }
}
