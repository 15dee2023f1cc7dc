package io.mediahooks.cli;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.runtime.ConfigException;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Builds the command line and turns every failure into one readable line and an exit code. */
public final class Cli {

    private Cli() {
    }

    /** Runs {@code args} against {@code context} and returns the process exit code. */
    public static int run(CliContext context, String... args) {
        return commandLine(context).execute(args);
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(MediahooksCommand.class, new CliFactory(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(Cli::handle);
        return commandLine;
    }

    private static int handle(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (exception instanceof CliException cli) {
            err.println("error: " + cli.getMessage());
            if (cli.exitCode() == CliException.USAGE) {
                err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
            }
            err.flush();
            return cli.exitCode();
        }
        if (exception instanceof InvalidRecordException invalid) {
            err.println("error: invalid record: " + invalid.getMessage());
            err.flush();
            return CliException.USAGE;
        }
        if (exception instanceof ConfigException config) {
            // A bad MEDIAHOOKS_* or KAFKA_* variable: the message names it.
            err.println("error: " + config.getMessage());
            err.flush();
            return CliException.USAGE;
        }
        if (exception instanceof KafkaException kafka) {
            err.println("error: Kafka: " + kafka.getMessage());
            err.flush();
            return CliException.FAILURE;
        }
        // Anything else is a bug: show the stack trace.
        exception.printStackTrace(err);
        err.flush();
        return CliException.FAILURE;
    }
}
