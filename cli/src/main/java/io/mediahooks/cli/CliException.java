package io.mediahooks.cli;

/**
 * A command cannot do what was asked; the message says what is wrong in one line, and the exit
 * code says whose fault it is: {@link #USAGE} for bad input, {@link #FAILURE} for everything else.
 */
public final class CliException extends RuntimeException {

    /** The input was wrong: fix the command line or the file. */
    public static final int USAGE = 2;
    /** The input was fine but the work failed (Kafka unreachable, a topic missing). */
    public static final int FAILURE = 1;

    private final int exitCode;

    private CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(message, USAGE, null);
    }

    public static CliException usage(String message, Throwable cause) {
        return new CliException(message, USAGE, cause);
    }

    public static CliException failure(String message) {
        return new CliException(message, FAILURE, null);
    }

    public static CliException failure(String message, Throwable cause) {
        return new CliException(message, FAILURE, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
