package io.mediahooks.cli.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.cli.CliException;
import io.mediahooks.model.Condition;
import io.mediahooks.model.EventType;
import io.mediahooks.model.Subscription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionInputTest {

    private static SubscriptionInput input(String url, String events, List<String> tags) {
        return new SubscriptionInput("wh_1", "org_42", url, events, tags, false, Optional.empty());
    }

    @Test
    void buildsTheSubscriptionTheFlagsDescribe() {
        Subscription subscription = new SubscriptionInput("wh_1", "org_42", "https://hooks.example.com/flow",
                "video_ready, LIVESTREAM_UPDATED", List.of("sports", "news"), true, Optional.of("flow")).toSubscription();

        assertThat(subscription.id().value()).isEqualTo("wh_1");
        assertThat(subscription.events().types()).containsExactlyInAnyOrder(EventType.VIDEO_READY, EventType.LIVESTREAM_UPDATED);
        assertThat(subscription.conditions()).containsExactly(new Condition.HasTag("sports"), new Condition.HasTag("news"));
        assertThat(subscription.enabled()).isFalse();
        assertThat(subscription.description()).contains("flow");
    }

    @Test
    void allSelectsEveryType() {
        assertThat(input("https://h.example.com", "ALL", List.of()).toSubscription().events().all()).isTrue();
    }

    @Test
    void unknownEventTypeIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> input("https://h.example.com", "VIDEO_READY,VIDEO_EXPLODED", List.of()).toSubscription())
                .isInstanceOf(CliException.class)
                .hasMessageContaining("--events: unknown event type 'VIDEO_EXPLODED'")
                .hasMessageContaining("LIVESOURCE_DISCONNECTED");
    }

    @Test
    void allMixedWithTypesIsRefused() {
        assertThatThrownBy(() -> input("https://h.example.com", "ALL,VIDEO_READY", List.of()).toSubscription())
                .hasMessageContaining("ALL already selects every type");
    }

    @Test
    void badUrlIsReportedAgainstTheUrlFlag() {
        assertThatThrownBy(() -> input("ftp://h.example.com/x", "ALL", List.of()).toSubscription())
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("--url: must be an absolute https URL");
        assertThatThrownBy(() -> input("https://user:pw@h.example.com/x", "ALL", List.of()).toSubscription())
                .hasMessageStartingWith("--url: must not carry credentials");
    }

    @Test
    void blankTagIsReportedAgainstTheHasTagFlag() {
        assertThatThrownBy(() -> input("https://h.example.com", "ALL", List.of(" ")).toSubscription())
                .hasMessage("--has-tag (conditions[0].name): must not be blank");
    }

    @Test
    void missingFlagsAreNamed() {
        assertThatThrownBy(() -> new SubscriptionInput("wh_1", null, "https://h.example.com", "ALL", List.of(), false,
                Optional.empty()).toSubscription())
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("--org is required");
        assertThatThrownBy(() -> input("https://h.example.com", " , ", List.of()).toSubscription())
                .hasMessageStartingWith("--events: empty entry");
    }
}
