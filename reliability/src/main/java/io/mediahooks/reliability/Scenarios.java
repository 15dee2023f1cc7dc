package io.mediahooks.reliability;

import java.util.List;

/** The scenarios of the suite, in the order they run. */
final class Scenarios {

    private Scenarios() {
    }

    static List<Scenario> all() {
        return List.of();
    }
}
