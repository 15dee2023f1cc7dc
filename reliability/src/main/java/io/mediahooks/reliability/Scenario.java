package io.mediahooks.reliability;

import java.time.Duration;

/**
 * One scenario of the reliability suite. It runs the real services against a real broker, stops
 * by itself within {@link #budget()}, and says what it did, what it counted and its verdict.
 */
public interface Scenario {

    /** The name used by {@code --only} and in the results table, e.g. {@code fault-schedule}. */
    String name();

    /** How long the scenario may take at most, for the run it is given ({@link SuiteContext#quick()} or full). */
    Duration budget(SuiteContext context);

    /** Runs the scenario to its verdict; an exception is a failed scenario, reported with its message. */
    ScenarioResult run(SuiteContext context) throws Exception;
}
