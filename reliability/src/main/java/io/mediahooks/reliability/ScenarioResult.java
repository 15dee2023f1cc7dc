package io.mediahooks.reliability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one scenario did, what it counted and its verdict: one row of {@code RELIABILITY.md}.
 *
 * @param name    the scenario's name
 * @param done    what was done, in a sentence or two (load, faults, inputs)
 * @param counted what was counted, in the order it is reported ({@code lost -> 0}, {@code duplicates -> 12 (0.01%)})
 * @param passed  whether the verdict holds
 * @param verdict the verdict in words, naming what failed when it did not hold
 * @param took    how long the scenario ran
 */
public record ScenarioResult(String name, String done, Map<String, String> counted, boolean passed, String verdict,
                             Duration took) {

    public ScenarioResult {
        counted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counted));
    }

    /** A scenario that did not reach a verdict: it threw or ran over its budget. */
    public static ScenarioResult failed(String name, String why, Duration took) {
        return new ScenarioResult(name, "(did not finish)", Map.of(), false, why, took);
    }
}
