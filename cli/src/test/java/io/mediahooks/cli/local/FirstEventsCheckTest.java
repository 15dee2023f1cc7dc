package io.mediahooks.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.EventId;
import io.mediahooks.model.EventType;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.RfcTimestamp;
import io.mediahooks.model.json.MediaEventCodec;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstEventsCheckTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final FirstEventsCheck check = new FirstEventsCheck(Demo.webhooks((name, failing) ->
            URI.create("http://127.0.0.1:1/" + (failing ? "fail/" : "hooks/") + name)));

    @Test
    void passesOnceEveryMatchingWebhookGotEachOfTheFirstEvents() {
        check.published(event("evt_1", EventType.VIDEO_READY, "sports"), NOW);
        check.published(event("evt_2", EventType.PLAYLIST_CREATED), NOW);
        check.published(event("evt_3", EventType.VIDEO_DELETED, "sports"), NOW);
        arriveAt("evt_1", "wh_demo", "wh_sports", "wh_failing");
        arriveAt("evt_2", "wh_demo");
        assertThat(check.verdict(NOW)).isEmpty();

        arriveAt("evt_3", "wh_demo");

        assertThat(check.verdict(NOW)).hasValueSatisfying(verdict -> assertThat(verdict).startsWith("Check passed")
                .contains("(5 deliveries"));
        assertThat(check.verdict(NOW)).as("said once").isEmpty();
    }

    @Test
    void failsNamingTheMissingDeliveriesWhenThePatienceRunsOut() {
        check.published(event("evt_1", EventType.VIDEO_READY), NOW);
        check.published(event("evt_2", EventType.PLAYLIST_CREATED), NOW);
        check.published(event("evt_3", EventType.VIDEO_READY), NOW);
        arriveAt("evt_1", "wh_failing");
        arriveAt("evt_3", "wh_demo", "wh_failing");

        assertThat(check.verdict(NOW.plus(FirstEventsCheck.PATIENCE))).isEmpty();
        assertThat(check.verdict(NOW.plus(FirstEventsCheck.PATIENCE).plusSeconds(1))).hasValueSatisfying(verdict ->
                assertThat(verdict).startsWith("CHECK FAILED").contains("evt_1 -> wh_demo", "evt_2 -> wh_demo")
                        .doesNotContain("evt_3"));
    }

    @Test
    void laterEventsAreNotChecked() {
        for (int n = 1; n <= 3; n++) {
            check.published(event("evt_" + n, EventType.PLAYLIST_CREATED), NOW);
            arriveAt("evt_" + n, "wh_demo");
        }
        check.published(event("evt_4", EventType.VIDEO_READY), NOW);

        assertThat(check.verdict(NOW)).hasValueSatisfying(verdict -> assertThat(verdict).startsWith("Check passed"));
    }

    private void arriveAt(String eventId, String... webhooks) {
        for (String webhook : webhooks) {
            check.arrived(webhook, eventId);
        }
    }

    private static MediaEvent event(String id, EventType type, String... tags) {
        return new MediaEvent(new EventId(id), type, RfcTimestamp.of(NOW), Demo.ORGANIZATION,
                MediaEventCodec.payload("vid_1", "Demo", List.of(tags)), List.of(tags));
    }
}
