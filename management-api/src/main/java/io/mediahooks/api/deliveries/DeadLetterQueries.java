package io.mediahooks.api.deliveries;

import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.views.Keys;
import io.mediahooks.api.views.ViewTopology;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.DeadLetterFilter;
import io.mediahooks.model.Delivery;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.SubscriptionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/** Reads the dead-letters view: an organization's or a webhook's dead letters, newest first, latest copy of each. */
public final class DeadLetterQueries {

    /** One dead letter and when it was dead-lettered. */
    public record Entry(Delivery delivery, Instant deadLetteredAt) {
    }

    /** A page and the cursor key of the next, if any. */
    public record Page(List<Entry> entries, Optional<String> nextAfter) {
    }

    private final Views views;

    public DeadLetterQueries(Views views) {
        this.views = views;
    }

    /** The organization's dead letters, optionally of one webhook, in {@code [since, until)}. */
    public Page list(OrganizationId organization, Optional<String> webhookId, Optional<Instant> since, Optional<Instant> until,
                     int limit, Optional<String> after) {
        String prefix = webhookId.map(id -> Keys.prefix(ViewTopology.DEAD_BY_WEBHOOK, id))
                .orElse(Keys.prefix(ViewTopology.DEAD_BY_ORGANIZATION, organization.value()));
        String from = until.map(at -> prefix + Keys.newestFirst(at)).orElse(prefix);
        if (after.isPresent()) {
            if (!after.get().startsWith(prefix)) {
                throw ApiProblem.badParameter("cursor", "belongs to another listing");
            }
            from = after.get() + '\u0000';
        }
        String to = since.map(at -> prefix + Keys.newestFirst(at) + Keys.END).orElse(prefix + Keys.END);
        // The same rule as the CLI's dead-letters list and replay; the organization is always the caller's.
        DeadLetterFilter filter = new DeadLetterFilter(webhookId.map(SubscriptionId::new), Optional.of(organization), since, until);
        List<Entry> page = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = views.deadLetters().range(from, to)) {
            String lastKey = null;
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                if (page.size() == limit) {
                    return new Page(page, Optional.of(lastKey));
                }
                lastKey = entry.key;
                AttemptQueries.decodeDelivery(entry.value)
                        .filter(delivery -> filter.matches(delivery, timeOf(entry.key)))
                        .map(delivery -> new Entry(delivery, DeadLetterFilter.deadLetteredAt(delivery, timeOf(entry.key))))
                        .ifPresent(page::add);
            }
        }
        return new Page(page, Optional.empty());
    }

    /** Every dead letter of {@code webhookId} in the window, for a replay, filtered as the CLI's replay filters. */
    public void forEach(String webhookId, Instant since, Optional<Instant> until, Consumer<Delivery> sink) {
        DeadLetterFilter filter = new DeadLetterFilter(Optional.of(new SubscriptionId(webhookId)), Optional.empty(),
                Optional.of(since), until);
        String prefix = Keys.prefix(ViewTopology.DEAD_BY_WEBHOOK, webhookId);
        String from = until.map(at -> prefix + Keys.newestFirst(at)).orElse(prefix);
        try (KeyValueIterator<String, byte[]> it = views.deadLetters().range(from, prefix + Keys.newestFirst(since) + Keys.END)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> entry = it.next();
                AttemptQueries.decodeDelivery(entry.value).filter(d -> filter.matches(d, timeOf(entry.key))).ifPresent(sink);
            }
        }
    }

    /** The time in a newest-first key ({@code prefix, id, inverted time, delivery id}), as the record's time. */
    private static Instant timeOf(String key) {
        String[] parts = key.split(String.valueOf(Keys.SEP));
        return Instant.ofEpochMilli(Long.MAX_VALUE - Long.parseLong(parts[2]));
    }
}
