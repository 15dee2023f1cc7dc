package io.mediahooks.runtime;

/** A setting is missing or malformed; the message names the key and what is wrong with it. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
