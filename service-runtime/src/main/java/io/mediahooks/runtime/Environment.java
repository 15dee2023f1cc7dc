package io.mediahooks.runtime;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The environment variables a service is configured by. Every read goes through a {@link Setting},
 * so a bad value fails start-up with a message naming the key.
 */
public final class Environment {

    /** Variables with this prefix are Kafka client properties: {@code MEDIAHOOKS_KAFKA_SECURITY_PROTOCOL} is {@code security.protocol}. */
    public static final String KAFKA_PASSTHROUGH_PREFIX = "MEDIAHOOKS_KAFKA_";

    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    /** This environment with {@code overrides} on top, for tests and embedded runs. */
    public Environment with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(variables);
        merged.putAll(overrides);
        return new Environment(merged);
    }

    public <T> T get(Setting<T> setting) {
        String raw = variables.get(setting.key());
        if (raw == null) {
            raw = setting.defaultValue().orElseThrow(() ->
                    new ConfigException(setting.key() + " is required: " + setting.doc()));
        }
        try {
            return setting.parser().apply(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(setting.key() + "='" + raw + "' is invalid: " + e.getMessage(), e);
        }
    }

    /** Kafka client properties given as {@code MEDIAHOOKS_KAFKA_*} variables. */
    public Map<String, Object> kafkaOverrides() {
        Map<String, Object> overrides = new TreeMap<>();
        variables.forEach((key, value) -> {
            if (key.startsWith(KAFKA_PASSTHROUGH_PREFIX) && key.length() > KAFKA_PASSTHROUGH_PREFIX.length()) {
                overrides.put(kafkaProperty(key), value);
            }
        });
        return overrides;
    }

    /** The Kafka client property a pass-through variable sets: {@code MEDIAHOOKS_KAFKA_SECURITY_PROTOCOL} is {@code security.protocol}. */
    public static String kafkaProperty(String variable) {
        if (!variable.startsWith(KAFKA_PASSTHROUGH_PREFIX)) {
            throw new IllegalArgumentException(variable + " does not start with " + KAFKA_PASSTHROUGH_PREFIX);
        }
        return variable.substring(KAFKA_PASSTHROUGH_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * {@code MEDIAHOOKS_*} variables that none of {@code known} reads: most likely typos, worth a
     * warning at start-up. Kafka pass-through variables are never unknown.
     */
    public List<String> unknownKeys(Collection<Setting<?>> known) {
        Set<String> keys = known.stream().map(Setting::key).collect(Collectors.toSet());
        return variables.keySet().stream()
                .filter(key -> key.startsWith("MEDIAHOOKS_"))
                .filter(key -> !key.startsWith(KAFKA_PASSTHROUGH_PREFIX))
                .filter(key -> !keys.contains(key))
                .sorted()
                .toList();
    }
}
