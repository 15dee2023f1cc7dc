package io.mediahooks.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.Condition;
import io.mediahooks.model.EventType;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionCodecTest {

    static final String SPEC_SUBSCRIPTION = """
            {"id":"wh_1","organization_id":"org_42","url":"https://hooks.example.com/flow",
             "events":["VIDEO_READY","LIVESTREAM_UPDATED"],"conditions":[{"type":"has_tag","name":"sports"}],
             "enabled":true,"description":"publishing workflow"}""";

    private static Subscription decode(String json) {
        return SubscriptionCodec.INSTANCE.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheSpecExample() {
        Subscription subscription = decode(SPEC_SUBSCRIPTION);
        assertThat(subscription.id().value()).isEqualTo("wh_1");
        assertThat(subscription.url().toString()).isEqualTo("https://hooks.example.com/flow");
        assertThat(subscription.events().all()).isFalse();
        assertThat(subscription.events().types()).containsExactlyInAnyOrder(EventType.VIDEO_READY, EventType.LIVESTREAM_UPDATED);
        assertThat(subscription.conditions()).containsExactly(new Condition.HasTag("sports"));
        assertThat(subscription.enabled()).isTrue();
        assertThat(subscription.description()).contains("publishing workflow");
    }

    @Test
    void optionalFieldsDefaultToEnabledWithoutConditions() {
        Subscription subscription = decode("""
                {"id":"wh_2","organization_id":"org_42","url":"https://h.example.com/x","events":["ALL"]}""");
        assertThat(subscription.events().all()).isTrue();
        assertThat(subscription.conditions()).isEmpty();
        assertThat(subscription.enabled()).isTrue();
        assertThat(subscription.description()).isEmpty();
    }

    @Test
    void roundTripsThroughEncode() {
        Subscription subscription = decode(SPEC_SUBSCRIPTION);
        assertThat(SubscriptionCodec.INSTANCE.decode(SubscriptionCodec.INSTANCE.encode(subscription))).isEqualTo(subscription);
    }

    @Test
    void lifecycleFieldsRoundTrip() {
        Subscription subscription = decode("""
                {"id":"wh_3","organization_id":"org_42","url":"https://h.example.com/x","events":["ALL"],"enabled":false,
                 "created_at":"2026-11-26T12:00:00Z","updated_at":"2026-11-27T08:30:00Z",
                 "disabled_reason":"endpoint failed every attempt for 5d","disabled_at":"2026-11-28T00:00:00Z"}""");
        assertThat(subscription.lifecycle().createdAt()).contains(Instant.parse("2026-11-26T12:00:00Z"));
        assertThat(subscription.lifecycle().updatedAt()).contains(Instant.parse("2026-11-27T08:30:00Z"));
        assertThat(subscription.lifecycle().disabled()).contains(
                new Subscription.Disabled("endpoint failed every attempt for 5d", Instant.parse("2026-11-28T00:00:00Z")));
        assertThat(SubscriptionCodec.INSTANCE.decode(SubscriptionCodec.INSTANCE.encode(subscription))).isEqualTo(subscription);
    }

    @Test
    void recordsWithoutLifecycleFieldsHaveNone() {
        assertThat(decode(SPEC_SUBSCRIPTION).lifecycle()).isEqualTo(Subscription.Lifecycle.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing url         | {"id":"w","organization_id":"o","events":["ALL"]}                                          | url: required field is missing
            relative url        | {"id":"w","organization_id":"o","url":"/hook","events":["ALL"]}                            | url: must be an absolute https URL
            ftp url             | {"id":"w","organization_id":"o","url":"ftp://h.example.com/","events":["ALL"]}             | url: must be an absolute https URL
            url with spaces     | {"id":"w","organization_id":"o","url":"https://h.example.com/a b","events":["ALL"]}        | url: not a valid URL
            url credentials     | {"id":"w","organization_id":"o","url":"https://u:p@h.example.com/","events":["ALL"]}       | url: must not carry credentials
            no host             | {"id":"w","organization_id":"o","url":"https:///path","events":["ALL"]}                    | url: has no host
            missing events      | {"id":"w","organization_id":"o","url":"https://h.example.com/"}                            | events: required field is missing
            empty events        | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":[]}                | events: must name at least one event type
            unknown event       | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":["VIDEO_READY","VIDEO_EXPLODED"]} | events[1]: unknown value VIDEO_EXPLODED
            events not array    | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":"ALL"}             | events: expected an array, got a string
            unknown condition   | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":["ALL"],"conditions":[{"type":"has_color","name":"red"}]} | conditions[0].type: unknown value has_color
            condition no name   | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":["ALL"],"conditions":[{"type":"has_tag"}]} | conditions[0].name: required field is missing
            condition not obj   | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":["ALL"],"conditions":["has_tag"]} | conditions[0]: expected an object, got a string
            enabled not boolean | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":["ALL"],"enabled":"yes"} | enabled: expected true or false, got a string
            missing id          | {"organization_id":"o","url":"https://h.example.com/","events":["ALL"]}                    | id: required field is missing
            missing org         | {"id":"w","url":"https://h.example.com/","events":["ALL"]}                                 | organization_id: required field is missing
            bad updated_at      | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":["ALL"],"updated_at":"yesterday"} | updated_at:
            reason without time | {"id":"w","organization_id":"o","url":"https://h.example.com/","events":["ALL"],"disabled_reason":"failing"} | disabled_at: disabled_reason and disabled_at go together
            """)
    void invalidSubscriptionGetsAnErrorNamingTheField(String kind, String json, String expected) {
        assertThatThrownBy(() -> decode(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageStartingWith(expected);
    }
}
