package io.mediahooks.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * Keeps, in memory, every line the named loggers write at INFO and above (messages and stack
 * traces), so a test can search them; the console stays as quiet as the test configuration wants.
 * Closing puts the loggers back as they were.
 */
final class LogCapture implements AutoCloseable {

    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> levels = new ArrayList<>();
    private final List<Boolean> additivity = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String... names) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        for (String name : names) {
            Logger logger = context.getLogger(name);
            loggers.add(logger);
            levels.add(logger.getLevel());
            additivity.add(logger.isAdditive());
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(appender);
        }
    }

    static LogCapture of(String... loggerNames) {
        return new LogCapture(loggerNames);
    }

    /** Every line so far, exceptions and their causes included. */
    String text() {
        return List.copyOf(appender.list).stream().map(LogCapture::line).collect(Collectors.joining("\n"));
    }

    int lines() {
        return appender.list.size();
    }

    private static String line(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            line.append(" | ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
        }
        return line.toString();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            Logger logger = loggers.get(i);
            logger.detachAppender(appender);
            logger.setLevel(levels.get(i));
            logger.setAdditive(additivity.get(i));
        }
        appender.stop();
    }
}
