package io.mediahooks.cli;

import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.SecretsConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * What every command runs against: the environment it is configured by, the clock, its output
 * streams and the source of randomness. Tests pass their own; {@link #system()} is the real one.
 */
public record CliContext(Environment environment, Clock clock, PrintWriter out, PrintWriter err, SecureRandom random) {

    public static CliContext system() {
        return new CliContext(Environment.system(), Clock.systemUTC(),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8),
                new SecureRandom());
    }

    /** Kafka address, topic names and retry schedule, read from the environment like the services do. */
    public CommonConfig config() {
        return CommonConfig.from(environment);
    }

    /**
     * How secrets are sealed at rest ({@code MEDIAHOOKS_SECRETS_KEYS} and the settings next to it),
     * for the commands that read or write secrets: only they fail without a key ring.
     */
    public SecretsAtRest secretsAtRest() {
        return SecretsConfig.from(environment).atRest();
    }

    /** Prints one line and flushes, so output interleaves sensibly with the logs. */
    public void println(String line) {
        out.println(line);
        out.flush();
    }

    /** Prints one line to the error stream. */
    public void warn(String line) {
        err.println(line);
        err.flush();
    }
}
