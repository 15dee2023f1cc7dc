package io.mediahooks.model;

/** The id of a webhook subscription (the key of deliveries, retries, dead letters and attempts). */
public record SubscriptionId(String value) {

    public SubscriptionId {
        Ids.require("SubscriptionId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
