package io.mediahooks.model;

/** The id of one secret of an organization, named by the operator for rotation. */
public record SecretId(String value) {

    public SecretId {
        Ids.require("SecretId", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
