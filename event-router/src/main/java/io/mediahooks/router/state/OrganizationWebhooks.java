package io.mediahooks.router.state;

import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A stream thread's lists of webhooks by organization, shared by its tasks, so that an event does not scan the store
 * for a list that has not changed. An entry is kept with the {@link WebhookVersions} version read
 * <em>before</em> its scan, and is used only while its organization's version is still that one.
 * The global thread bumps the version <em>after</em> each change, so a list is never used once a
 * change to it was applied: an event that reads the old version sees the store as it was just
 * before that change, as it would have without this cache, and the next one reads it again.
 * Bounded by the webhooks held (least recently used organizations go first); an organization
 * larger than the bound is read from the store for every event. Synchronized like {@link DecodeCache}: the
 * lock is its one thread's, uncontended, in case a task is ever built on another.
 */
public final class OrganizationWebhooks {

    private final WebhookVersions versions;
    private final DecodeCache<Subscription> decoder;
    private final int capacity;
    private final Map<OrganizationId, Held> held = new LinkedHashMap<>(64, 0.75f, true);
    private int webhooksHeld;

    private record Held(long version, List<Subscription> webhooks) {
    }

    /** @param capacity how many webhooks the lists hold at most, over all organizations */
    public OrganizationWebhooks(WebhookVersions versions, DecodeCache<Subscription> decoder, int capacity) {
        this.versions = versions;
        this.decoder = decoder;
        this.capacity = capacity;
    }

    /**
     * The webhooks of {@code organization} as {@code store} has them now, in subscription id order.
     * Every caller passes the same global store (the tasks of a stream thread each have a view of it).
     */
    public synchronized List<Subscription> of(ReadOnlyKeyValueStore<String, byte[]> store, OrganizationId organization) {
        long version = versions.of(organization);
        Held last = held.get(organization);
        if (last != null && last.version() == version) {
            return last.webhooks();
        }
        List<Subscription> webhooks = List.copyOf(WebhookIndex.webhooksOf(store, organization, decoder));
        if (last != null) {
            held.remove(organization);
            webhooksHeld -= last.webhooks().size();
        }
        if (webhooks.size() <= capacity) {
            held.put(organization, new Held(version, webhooks));
            webhooksHeld += webhooks.size();
            var eldest = held.entrySet().iterator();
            while (webhooksHeld > capacity) {
                webhooksHeld -= eldest.next().getValue().webhooks().size();
                eldest.remove();
            }
        }
        return webhooks;
    }

    /** Organizations whose lists are held: for tests. */
    synchronized int organizationsHeld() {
        return held.size();
    }
}
