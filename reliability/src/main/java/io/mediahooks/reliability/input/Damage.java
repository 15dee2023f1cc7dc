package io.mediahooks.reliability.input;

/** The kinds of damage the corpus does to a record, as reported. */
public enum Damage {
    TRUNCATED("truncated"),
    BIT_FLIP("bit flip"),
    INVALID_UTF8("invalid UTF-8"),
    WRONG_TYPE("wrong type"),
    MISSING_FIELD("missing field"),
    DUPLICATED_FIELD("duplicated field"),
    INVALID_VALUE("invalid value"),
    KEY_NOT_ID("key is not the record's id"),
    NOT_AN_OBJECT("not a JSON object"),
    EMPTY("empty value"),
    NULL_KEY("null key"),
    NULL_VALUE("null value"),
    DEEP("nested 10,000 deep"),
    ONE_MB("1 MB value"),
    OVER_LIMIT("2 MB, over the broker's limit");

    private final String label;

    Damage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
