package io.mediahooks.router.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.EventType;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.SubscriptionCodec;
import io.mediahooks.router.Fixtures;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;

/** The stream threads' lists of webhooks: reused while the version holds, read again once it moved. */
class OrganizationWebhooksTest {

    private static final OrganizationId ORG = new OrganizationId("org_42");

    private final CountingStore store = new CountingStore();
    private final WebhookVersions versions = new WebhookVersions();

    @Test
    void aListIsReadOnceAndReusedUntilItsOrganizationChanges() {
        OrganizationWebhooks lists = lists(100);
        file(webhook("wh_1", ORG));

        assertThat(ids(lists.of(store, ORG))).containsExactly("wh_1");
        assertThat(ids(lists.of(store, ORG))).containsExactly("wh_1");
        assertThat(store.scans).isEqualTo(1);

        // Written but not yet announced: the global thread bumps the version only after the write.
        file(webhook("wh_2", ORG));
        assertThat(ids(lists.of(store, ORG))).containsExactly("wh_1");
        versions.changed(ORG);
        assertThat(ids(lists.of(store, ORG))).containsExactly("wh_1", "wh_2");
        assertThat(store.scans).isEqualTo(2);
    }

    @Test
    void aChangeToAnotherOrganizationDoesNotClearTheList() {
        OrganizationWebhooks lists = lists(100);
        file(webhook("wh_1", ORG));
        lists.of(store, ORG);
        for (int i = 0; i < 100; i++) {
            versions.changed(new OrganizationId("org_other_" + i));
        }
        lists.of(store, ORG);
        // A stripe may be shared: at most one more read, never a stale list.
        assertThat(store.scans).isBetween(1, 2);
    }

    @Test
    void theListsHoldAtMostTheirCapacityInWebhooksAndAnOrganizationLargerThanItIsNotHeld() {
        OrganizationWebhooks lists = lists(5);
        for (int org = 0; org < 4; org++) {
            for (int i = 0; i < 2; i++) {
                file(webhook("wh_" + org + "_" + i, new OrganizationId("org_" + org)));
            }
        }
        for (int i = 0; i < 6; i++) {
            file(webhook("wh_big_" + i, new OrganizationId("org_big")));
        }
        for (int org = 0; org < 4; org++) {
            assertThat(lists.of(store, new OrganizationId("org_" + org))).hasSize(2);
        }
        assertThat(lists.organizationsHeld()).isEqualTo(2);

        assertThat(lists.of(store, new OrganizationId("org_big"))).hasSize(6);
        assertThat(lists.of(store, new OrganizationId("org_big"))).hasSize(6);
        assertThat(lists.organizationsHeld()).isEqualTo(2);
        int before = store.scans;
        lists.of(store, new OrganizationId("org_3"));
        lists.of(store, new OrganizationId("org_0"));
        // org_3 (most recently used) is held, org_0 was evicted and read again.
        assertThat(store.scans - before).isEqualTo(1);
    }

    @Test
    void anOrganizationWithNoWebhooksIsHeldEmptyUntilOneArrives() {
        OrganizationWebhooks lists = lists(10);
        assertThat(lists.of(store, ORG)).isEmpty();
        file(webhook("wh_1", ORG));
        versions.changed(ORG);
        assertThat(ids(lists.of(store, ORG))).containsExactly("wh_1");
    }

    private OrganizationWebhooks lists(int capacity) {
        return new OrganizationWebhooks(versions, new DecodeCache<>(SubscriptionCodec.INSTANCE, 100), capacity);
    }

    private void file(Subscription webhook) {
        store.entries.put(WebhookIndex.webhookKey(webhook.organizationId(), webhook.id()), SubscriptionCodec.INSTANCE.encode(webhook));
    }

    private static Subscription webhook(String id, OrganizationId organization) {
        return Fixtures.webhook(id, organization.value(), EventType.VIDEO_READY);
    }

    private static List<String> ids(List<Subscription> webhooks) {
        return webhooks.stream().map(webhook -> webhook.id().value()).toList();
    }

    /** The store's keys and values in a sorted map, counting prefix scans. */
    private static final class CountingStore implements ReadOnlyKeyValueStore<String, byte[]> {
        final NavigableMap<String, byte[]> entries = new TreeMap<>();
        int scans;

        @Override
        public byte[] get(String key) {
            return entries.get(key);
        }

        @Override
        public <PS extends Serializer<P>, P> KeyValueIterator<String, byte[]> prefixScan(P prefix, PS serializer) {
            scans++;
            String start = (String) prefix;
            return iterator(entries.subMap(start, true, start + Character.MAX_VALUE, false));
        }

        @Override
        public KeyValueIterator<String, byte[]> range(String from, String to) {
            return iterator(entries.subMap(from, true, to, true));
        }

        @Override
        public KeyValueIterator<String, byte[]> all() {
            return iterator(entries);
        }

        @Override
        public long approximateNumEntries() {
            return entries.size();
        }

        private static KeyValueIterator<String, byte[]> iterator(Map<String, byte[]> map) {
            Iterator<Map.Entry<String, byte[]>> inner = List.copyOf(map.entrySet()).iterator();
            return new KeyValueIterator<>() {
                @Override
                public void close() {
                }

                @Override
                public String peekNextKey() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public KeyValue<String, byte[]> next() {
                    Map.Entry<String, byte[]> entry = inner.next();
                    return KeyValue.pair(entry.getKey(), entry.getValue());
                }
            };
        }
    }
}
