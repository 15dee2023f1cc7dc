package io.mediahooks.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.model.kafka.TopicNames;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsumedTopicsTest {

    private final Pattern consumed = DeliveryWorker.consumedTopics(TopicNames.defaults());

    @Test
    void consumesDeliveriesAndEveryRetryTopicWhateverTheSchedule() {
        assertThat(consumed.matcher("webhook-deliveries").matches()).isTrue();
        assertThat(consumed.matcher("webhook-retry-5s").matches()).isTrue();
        assertThat(consumed.matcher("webhook-retry-10h").matches()).isTrue();
        assertThat(consumed.matcher("webhook-retry-500ms").matches()).isTrue();
        assertThat(consumed.matcher("webhook-retry-1d").matches()).isTrue();
    }

    @Test
    void consumesNothingElse() {
        assertThat(consumed.matcher("webhook-dead-letters").matches()).isFalse();
        assertThat(consumed.matcher("webhook-attempts").matches()).isFalse();
        assertThat(consumed.matcher("webhook-retry-later").matches()).isFalse();
        assertThat(consumed.matcher("webhook-deliveries-v2").matches()).isFalse();
        assertThat(consumed.matcher("webhook-retry-").matches()).isFalse();
        assertThat(DeliveryWorker.consumedTopics(TopicNames.defaults().prefixed("a.b"))
                .matcher("aXbwebhook-deliveries").matches()).as("names are literal, not patterns").isFalse();
    }
}
