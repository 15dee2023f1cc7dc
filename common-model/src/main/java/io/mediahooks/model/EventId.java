package io.mediahooks.model;

/** The id of a media event, chosen by its producer (de-duplicated for 24 hours). */
public record EventId(String value) {

    public EventId {
        Ids.require("EventId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
