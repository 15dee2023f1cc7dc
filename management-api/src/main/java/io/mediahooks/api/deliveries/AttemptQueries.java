package io.mediahooks.api.deliveries;

import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.views.Keys;
import io.mediahooks.api.views.ViewTopology;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.Attempt;
import io.mediahooks.model.AttemptOutcome;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.json.AttemptCodec;
import io.mediahooks.model.json.DeliveryCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/** Reads the attempts and deliveries views: a webhook's attempts newest first, one delivery's history. */
public final class AttemptQueries {

    /** At most this many entries are read for one page, however selective the filters. */
    static final int MAX_SCAN = 20_000;

    /** Which attempts: outcome, event type and time window (since inclusive, until exclusive). */
    public record Filter(Optional<AttemptOutcome> outcome, Optional<EventType> eventType, Optional<Instant> since,
                         Optional<Instant> until) {
        boolean matches(Attempt attempt) {
            return outcome.map(attempt.outcome()::equals).orElse(true)
                    && eventType.map(attempt.eventType()::equals).orElse(true)
                    && since.map(start -> !attempt.attemptedAt().isBefore(start)).orElse(true)
                    && until.map(attempt.attemptedAt()::isBefore).orElse(true);
        }
    }

    /** A page of attempts and the cursor key of the next, if any. */
    public record Page(List<Attempt> attempts, Optional<String> nextAfter) {
    }

    /** One delivery: the routed record when still in the view, and its attempts oldest first. */
    public record DeliveryHistory(Optional<Delivery> delivery, List<Attempt> attempts) {
    }

    private final Views views;

    public AttemptQueries(Views views) {
        this.views = views;
    }

    public Page attempts(String webhookId, Filter filter, int limit, Optional<String> after) {
        String prefix = Keys.prefix(ViewTopology.BY_WEBHOOK, webhookId);
        String from = filter.until().map(until -> prefix + Keys.newestFirst(until)).orElse(prefix);
        if (after.isPresent()) {
            if (!after.get().startsWith(prefix)) {
                throw ApiProblem.badParameter("cursor", "belongs to another listing");
            }
            from = after.get() + '\u0000';
        }
        String to = filter.since().map(since -> prefix + Keys.newestFirst(since) + Keys.END).orElse(prefix + Keys.END);
        List<Attempt> page = new ArrayList<>();
        String lastKey = null;
        int scanned = 0;
        try (KeyValueIterator<String, byte[]> it = views.attempts().range(from, to)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                if (page.size() == limit || ++scanned > MAX_SCAN) {
                    return new Page(page, Optional.ofNullable(lastKey));
                }
                lastKey = entry.key;
                decodeAttempt(entry.value).filter(filter::matches).ifPresent(page::add);
            }
        }
        return new Page(page, Optional.empty());
    }

    /** Every attempt of {@code webhookId} since {@code since}, newest first, for statistics. */
    public void forEachSince(String webhookId, Instant since, Consumer<Attempt> sink) {
        String prefix = Keys.prefix(ViewTopology.BY_WEBHOOK, webhookId);
        try (KeyValueIterator<String, byte[]> it = views.attempts().range(prefix, prefix + Keys.newestFirst(since) + Keys.END)) {
            while (it.hasNext()) {
                decodeAttempt(it.next().value).ifPresent(sink);
            }
        }
    }

    /** The delivery's history when it belongs to {@code organization}; 404 otherwise. */
    public DeliveryHistory delivery(OrganizationId organization, String deliveryId) {
        List<Attempt> attempts = new ArrayList<>();
        String prefix = Keys.prefix(ViewTopology.BY_DELIVERY, deliveryId);
        try (KeyValueIterator<String, byte[]> it = views.attempts().range(prefix, prefix + Keys.END)) {
            while (it.hasNext()) {
                decodeAttempt(it.next().value).ifPresent(attempts::add);
            }
        }
        byte[] routed = views.deliveries().get(Keys.join(ViewTopology.BY_DELIVERY, deliveryId));
        Optional<Delivery> delivery = Optional.ofNullable(routed).flatMap(AttemptQueries::decodeDelivery);
        boolean owned = delivery.map(d -> d.organizationId().equals(organization))
                .orElse(!attempts.isEmpty() && attempts.get(0).organizationId().equals(organization));
        if (!owned) {
            throw ApiProblem.notFound("no delivery " + deliveryId);
        }
        return new DeliveryHistory(delivery, attempts);
    }

    /** The state of a delivery from its latest attempt. */
    public static String state(List<Attempt> attemptsOldestFirst) {
        if (attemptsOldestFirst.isEmpty()) {
            return "pending";
        }
        return switch (attemptsOldestFirst.get(attemptsOldestFirst.size() - 1).outcome()) {
            case DELIVERED -> "delivered";
            case RETRY_SCHEDULED -> "retrying";
            case DEAD_LETTERED -> "dead_lettered";
            case DROPPED -> "dropped";
        };
    }

    static Optional<Attempt> decodeAttempt(byte[] bytes) {
        try {
            return Optional.of(AttemptCodec.INSTANCE.decode(bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }

    static Optional<Delivery> decodeDelivery(byte[] bytes) {
        try {
            return Optional.of(DeliveryCodec.INSTANCE.decode(bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }
}
