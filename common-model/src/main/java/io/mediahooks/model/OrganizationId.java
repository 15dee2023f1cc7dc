package io.mediahooks.model;

/** The id of an organization (the partition key of events and secrets). */
public record OrganizationId(String value) {

    public OrganizationId {
        Ids.require("OrganizationId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
