package io.mediahooks.kafka.test;

import java.util.HashMap;
import java.util.Map;

/**
 * The key ring every test environment gives the services, so that secrets are encrypted at rest in
 * tests as they are in production. Fixed and public: for tests only, never for a deployment.
 */
public final class TestSecretsKeys {

    /** The setting that carries a key ring (service-runtime's {@code SecretsConfig.SECRETS_KEYS}). */
    public static final String SETTING = "MEDIAHOOKS_SECRETS_KEYS";
    /** The first test key. */
    public static final String K1 = "test1:JaMH0iGplsABnC/8L/AJLsyXi6tPToSbvsuxNCnslL0=";
    /** A second test key, for rotations: a ring {@code K2 + "," + K1} reads what {@link #K1} wrote. */
    public static final String K2 = "test2:1ah6G1SzdCzevwLa3T1ZJBmWQ1US2P2XBSLVSpDjxn8=";
    /** The ring tests use unless they rotate: {@link #K1} alone. */
    public static final String RING = K1;

    private TestSecretsKeys() {
    }

    /** The variables that give a service {@link #RING}. */
    public static Map<String, String> environment() {
        return Map.of(SETTING, RING);
    }

    /** {@code variables} with {@link #RING} added (unless they give a ring of their own). */
    public static Map<String, String> with(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(environment());
        all.putAll(variables);
        return all;
    }
}
