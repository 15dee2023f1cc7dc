package io.mediahooks.bench.workload;

import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.json.MediaEventCodec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Media events like the CMS and encoders publish: a random organization of the workload, mostly
 * video events, tags drawn from a small set, and a payload of about 400 bytes. Every event of one
 * source has a new {@code event_id} (the router de-duplicates on it).
 */
public final class EventSource {

    private static final String[] TAGS = {"sports", "highlights", "news", "music"};
    private static final double TAG_PROBABILITY = 0.35;
    private static final List<Weighted> TYPES = List.of(
            new Weighted(EventType.VIDEO_READY, 30), new Weighted(EventType.VIDEO_UPDATED, 25),
            new Weighted(EventType.VIDEO_DELETED, 5), new Weighted(EventType.LIVESTREAM_CONNECTED, 10),
            new Weighted(EventType.LIVESTREAM_DISCONNECTED, 5), new Weighted(EventType.LIVESTREAM_UPDATED, 5),
            new Weighted(EventType.PLAYLIST_UPDATED, 10), new Weighted(EventType.PLAYLIST_CREATED, 5),
            new Weighted(EventType.LIVESOURCE_UPDATED, 5));
    private static final int TOTAL_WEIGHT = TYPES.stream().mapToInt(Weighted::weight).sum();
    private static final String DESCRIPTION = "Encoded in 1080p, 720p and 480p renditions; captions in en, fr and de; "
            + "thumbnails at 10 s intervals; ready for the player and the partner feeds. ".repeat(2);

    private final String idPrefix;
    private final Random random;
    private final int organizations;
    private long next;

    /**
     * @param idPrefix keeps the event ids of one run apart from every other run's
     * @param organizations events are spread evenly over organizations {@code 0} to {@code organizations - 1}
     */
    public EventSource(String idPrefix, long seed, int organizations) {
        this.idPrefix = idPrefix;
        this.random = new Random(seed);
        this.organizations = organizations;
    }

    /** The next event, created at {@code createdAt} (kept to the millisecond, as latency is measured from it). */
    public MediaEvent next(Instant createdAt) {
        long number = next++;
        int organization = random.nextInt(organizations);
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextDouble() < TAG_PROBABILITY) {
                tags.add(tag);
            }
        }
        var payload = MediaEventCodec.payload("vid_" + number, "Clip " + number, tags);
        payload.put("duration_s", 30 + random.nextInt(3_600));
        payload.put("description", DESCRIPTION);
        return new MediaEvent(new EventId(idPrefix + number), type(), RfcTimestamp.of(createdAt.truncatedTo(ChronoUnit.MILLIS)),
                Workload.organizationId(organization), payload, tags);
    }

    private EventType type() {
        int draw = random.nextInt(TOTAL_WEIGHT);
        for (Weighted weighted : TYPES) {
            draw -= weighted.weight();
            if (draw < 0) {
                return weighted.type();
            }
        }
        throw new IllegalStateException("weights add up to " + TOTAL_WEIGHT);
    }

    private record Weighted(EventType type, int weight) {
    }
}
