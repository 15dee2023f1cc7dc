package io.mediahooks.router;

import io.mediahooks.router.routing.SkipReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The router's own counters. Every valid, first-seen event ends up counted exactly once as routed
 * or skipped (with one reason), so {@code events in = routed + skipped + deduplicated + invalid}.
 *
 * <p>Counters are incremented while processing: a task that is replayed after a crash counts its
 * records again, although exactly-once keeps the topics free of duplicates.
 */
public final class RouterMetrics {

    /** Which input an invalid record came from, the {@code kind} tag of {@code mediahooks.router.invalid.records}. */
    public enum InputKind {
        MEDIA_EVENT("Media event"),
        SUBSCRIPTION("Subscription"),
        SECRETS("Secrets of organization"),
        /** A record of one of the router's own internal topics: a bug or an incompatible upgrade. */
        INTERNAL("Internal record");

        private final String label;

        InputKind(String label) {
            this.label = label;
        }

        /** How log lines name a record of this kind. */
        public String label() {
            return label;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Counter eventsRouted;
    private final Counter deliveries;
    private final Counter deduplicated;
    private final Counter threadReplacements;
    private final Counter processingErrors;
    private final Counter productionErrors;
    private final Map<SkipReason, Counter> skipped = new EnumMap<>(SkipReason.class);
    private final Map<InputKind, Counter> invalid = new EnumMap<>(InputKind.class);

    public RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Registered up front so every series exists at 0 from the first scrape.
        eventsRouted = counter("mediahooks.router.events.routed", "Events that produced at least one delivery");
        deliveries = counter("mediahooks.router.deliveries", "Deliveries written to webhook-deliveries, one per matching webhook");
        deduplicated = counter("mediahooks.router.events.deduplicated",
                "Events dropped because their event_id was already routed within the dedup window");
        threadReplacements = counter("mediahooks.router.stream.thread.replacements",
                "Stream threads that died of an unexpected error and were replaced");
        processingErrors = counter("mediahooks.router.processing.errors",
                "Records whose processing failed; media events among them went to media-events-invalid");
        productionErrors = counter("mediahooks.router.production.errors",
                "Output records Kafka refused for good (too large, not serializable) and that were dropped");
        for (SkipReason reason : SkipReason.values()) {
            skipped.put(reason, Counter.builder("mediahooks.router.events.skipped")
                    .description("Events that produced no delivery, by reason")
                    .tag("reason", reason.wireName()).register(registry));
        }
        for (InputKind kind : InputKind.values()) {
            invalid.put(kind, Counter.builder("mediahooks.router.invalid.records")
                    .description("Input records rejected as invalid and not applied, by kind")
                    .tag("kind", kind.tag()).register(registry));
        }
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void routed(int deliveryCount) {
        eventsRouted.increment();
        deliveries.increment(deliveryCount);
    }

    public void skipped(SkipReason reason) {
        skipped.get(reason).increment();
    }

    public void deduplicated() {
        deduplicated.increment();
    }

    public void invalid(InputKind kind) {
        invalid.get(kind).increment();
    }

    public void threadReplaced() {
        threadReplacements.increment();
    }

    public void processingError() {
        processingErrors.increment();
    }

    public void productionError() {
        productionErrors.increment();
    }
}
