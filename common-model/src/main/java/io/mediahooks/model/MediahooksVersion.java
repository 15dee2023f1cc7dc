package io.mediahooks.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, for {@code User-Agent: mediahooks/<version>} and the logs. */
public final class MediahooksVersion {

    private static final String VERSION = load();

    private MediahooksVersion() {
    }

    public static String get() {
        return VERSION;
    }

    /** The {@code User-Agent} every delivery carries. */
    public static String userAgent() {
        return "mediahooks/" + VERSION;
    }

    private static String load() {
        try (InputStream in = MediahooksVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the build version", e);
        }
    }
}
