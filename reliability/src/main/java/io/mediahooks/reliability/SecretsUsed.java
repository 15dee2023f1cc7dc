package io.mediahooks.reliability;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value and API key a scenario used, so that the last scenario can scan every log of
 * the run for them. Thread-safe.
 */
public final class SecretsUsed {

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    /** Remembers {@code value} (a {@code whsec_…} secret, an {@code mh_…} API key, an admin token). */
    public void add(String value) {
        values.add(value);
    }

    public Set<String> all() {
        return Set.copyOf(values);
    }
}
