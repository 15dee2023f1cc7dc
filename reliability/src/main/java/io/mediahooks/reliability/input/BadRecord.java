package io.mediahooks.reliability.input;

/**
 * One generated bad record.
 *
 * @param id      unique within the run; travels in the header {@value #ID_HEADER} so the record can be found again
 * @param variant what exactly is wrong, in a few words
 * @param key     null for a record without a key
 * @param value   null for a record without a value
 */
public record BadRecord(InputTopic topic, String id, Damage damage, String variant, byte[] key, byte[] value) {

    /** The header that names a generated record (bad or valid) on every topic. */
    public static final String ID_HEADER = "reliability-record";
}
