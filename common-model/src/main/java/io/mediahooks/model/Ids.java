package io.mediahooks.model;

/** Checks shared by the typed ids: present, not blank, bounded, printable. */
final class Ids {

    static final int MAX_LENGTH = 256;

    private Ids() {
    }

    static String require(String kind, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind + " must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(kind + " is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(kind + " contains a control character");
            }
        }
        return value;
    }
}
