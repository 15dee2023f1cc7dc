package io.mediahooks.reliability.input;

import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.model.retry.RetrySchedule;

/** The topics the bad records go to: the services' inputs, the worker's own included. */
public enum InputTopic {
    MEDIA_EVENTS("media-events"),
    SUBSCRIPTIONS("webhook-subscriptions"),
    SECRETS("webhook-secrets"),
    DELIVERIES("webhook-deliveries"),
    RETRIES("webhook-retry-5s");

    private final String label;

    InputTopic(String label) {
        this.label = label;
    }

    /** The default name, as reported. */
    public String label() {
        return label;
    }

    /** The topic's name among {@code names} (a scenario's prefixed topics); retries go to the first retry topic. */
    public String nameIn(TopicNames names) {
        return switch (this) {
            case MEDIA_EVENTS -> names.mediaEvents();
            case SUBSCRIPTIONS -> names.subscriptions();
            case SECRETS -> names.secrets();
            case DELIVERIES -> names.deliveries();
            case RETRIES -> names.retryPrefix() + RetrySchedule.label(RetrySchedule.defaults().delays().get(0));
        };
    }
}
