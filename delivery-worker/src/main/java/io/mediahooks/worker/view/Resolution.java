package io.mediahooks.worker.view;

import io.mediahooks.model.WebhookSecret;
import io.mediahooks.worker.outcome.DropReason;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/** Where a delivery goes now, by the worker's view of webhooks and secrets: send it, or drop it. */
public sealed interface Resolution {

    /** Send to the webhook's current {@code url}, signed with {@code liveSecrets} (primary first, never empty). */
    record Send(URI url, List<WebhookSecret> liveSecrets) implements Resolution {
        public Send {
            Objects.requireNonNull(url, "url");
            liveSecrets = List.copyOf(liveSecrets);
            if (liveSecrets.isEmpty()) {
                throw new IllegalArgumentException("a delivery is sent only with a live secret");
            }
        }
    }

    /** Do not send; {@code url} is the webhook's URL if it still exists, for the attempt log. */
    record Drop(DropReason reason, String url) implements Resolution {
        public Drop {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(url, "url");
        }
    }
}
