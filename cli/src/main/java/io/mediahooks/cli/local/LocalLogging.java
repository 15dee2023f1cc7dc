package io.mediahooks.cli.local;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends this process's logs (the embedded broker's above all) to a file during the local run,
 * so the terminal shows only the demo's own lines.
 */
final class LocalLogging {

    private static final String CONFIG = "/io/mediahooks/cli/local/local-logback.xml";

    private LocalLogging() {
    }

    /** Reconfigures logback to write to {@code file}; a no-op when another SLF4J binding is in use. */
    static void toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        URL config = LocalLogging.class.getResource(CONFIG);
        if (config == null) {
            throw new IllegalStateException(CONFIG + " is missing from the jar");
        }
        context.reset();
        context.putProperty("LOCAL_LOG_FILE", file.toAbsolutePath().toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("could not configure logging to " + file, e);
        }
    }
}
