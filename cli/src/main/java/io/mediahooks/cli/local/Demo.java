package io.mediahooks.cli.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.cli.listen.WebhookReceiver;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventId;
import io.mediahooks.model.EventSelection;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.SubscriptionId;
import io.mediahooks.model.json.MediaEventCodec;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

/** The demo's organization, webhooks and sample events: pure data, so tests can check them. */
public final class Demo {

    public static final OrganizationId ORGANIZATION = new OrganizationId("org_demo");
    public static final SubscriptionId EVERYTHING = new SubscriptionId("wh_demo");
    public static final SubscriptionId SPORTS = new SubscriptionId("wh_sports");
    public static final SubscriptionId FAILING = new SubscriptionId("wh_failing");

    static final List<String> TAGS = List.of("sports", "news", "highlights", "music");
    private static final List<EventType> TYPES = List.of(EventType.VIDEO_READY, EventType.VIDEO_READY, EventType.VIDEO_UPDATED,
            EventType.LIVESTREAM_CREATED, EventType.PLAYLIST_CREATED, EventType.VIDEO_DELETED);

    private Demo() {
    }

    /** {@link #webhooks(BiFunction)} at {@code receiver}: {@code /hooks/<name>}, or {@code /fail/<name>} for the failing one. */
    static List<Subscription> webhooks(WebhookReceiver receiver) {
        return webhooks((name, failing) -> receiver.url((failing ? "/fail/" : "/hooks/") + name));
    }

    /**
     * The demo webhooks, pointing at the receiver: every event; sports-tagged videos only (a
     * {@code has_tag} condition); and VIDEO_READY at a path that always answers 503, so retries
     * and dead letters show.
     *
     * @param url the receiver's URL for a webhook name, answering 503 when the flag is true
     */
    public static List<Subscription> webhooks(BiFunction<String, Boolean, URI> url) {
        return List.of(
                new Subscription(EVERYTHING, ORGANIZATION, url.apply(EVERYTHING.value(), false), EventSelection.allTypes(),
                        List.of(), true, Optional.of("demo: every event")),
                new Subscription(SPORTS, ORGANIZATION, url.apply(SPORTS.value(), false),
                        new EventSelection(false, EnumSet.of(EventType.VIDEO_READY, EventType.VIDEO_UPDATED)),
                        List.of(new Condition.HasTag("sports")), true, Optional.of("demo: sports videos only")),
                new Subscription(FAILING, ORGANIZATION, url.apply(FAILING.value(), true), EventSelection.of(EventType.VIDEO_READY),
                        List.of(), true, Optional.of("demo: always answers 503, to show retries and dead letters")));
    }

    /** The {@code n}th sample event: a random type and random tags, a fresh id. */
    public static MediaEvent event(Random random, Instant now, long n) {
        EventType type = TYPES.get(random.nextInt(TYPES.size()));
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(10) < 4) {
                tags.add(tag);
            }
        }
        String prefix = type.name().startsWith("LIVESTREAM") ? "live_" : type.name().startsWith("PLAYLIST") ? "pl_" : "vid_";
        ObjectNode payload = MediaEventCodec.payload(prefix + n, "Demo " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + n, tags);
        byte[] id = new byte[6];
        random.nextBytes(id);
        return new MediaEvent(new EventId("evt_" + HexFormat.of().formatHex(id)), type,
                RfcTimestamp.of(now.truncatedTo(ChronoUnit.MILLIS)), ORGANIZATION, payload, tags);
    }
}
