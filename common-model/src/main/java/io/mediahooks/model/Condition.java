package io.mediahooks.model;

/** A condition on a media event that a subscription requires; all of a subscription's must hold. */
public sealed interface Condition permits Condition.HasTag {

    boolean holdsFor(MediaEvent event);

    /** The wire name of this condition's {@code type}. */
    String type();

    /** Holds when {@code payload.tags} contains {@code name}, compared case-insensitively. */
    record HasTag(String name) implements Condition {

        public static final String TYPE = "has_tag";

        public HasTag {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("has_tag needs a non-blank name");
            }
        }

        @Override
        public boolean holdsFor(MediaEvent event) {
            for (String tag : event.tags()) {
                // equalsIgnoreCase folds char by char, independent of the default locale.
                if (tag.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String type() {
            return TYPE;
        }
    }
}
