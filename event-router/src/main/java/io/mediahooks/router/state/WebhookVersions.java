package io.mediahooks.router.state;

import io.mediahooks.model.OrganizationId;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which organizations' webhooks may have changed: a counter per stripe of organizations (by the
 * hash of the id), bumped by the global thread after each change it makes to the webhook store,
 * read by the stream threads to know whether the list they hold for an organization is still the
 * store's. Fixed size: a million organizations cost what ten do, at the price of a change also
 * making the other organizations of its stripe read the store once more.
 */
public final class WebhookVersions {

    private static final int STRIPES = 4096;

    private final AtomicLongArray stripes = new AtomicLongArray(STRIPES);

    /** The version of {@code organization}'s stripe: read it before reading the store. */
    long of(OrganizationId organization) {
        return stripes.get(stripe(organization));
    }

    /** Called after the store changed for {@code organization}, never before: see {@link OrganizationWebhooks}. */
    void changed(OrganizationId organization) {
        stripes.incrementAndGet(stripe(organization));
    }

    private static int stripe(OrganizationId organization) {
        int hash = organization.value().hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }
}
