package io.mediahooks.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.api.ApiConfig;
import io.mediahooks.router.RouterConfig;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import io.mediahooks.runtime.KafkaSecurity;
import io.mediahooks.runtime.SecretsConfig;
import io.mediahooks.runtime.Setting;
import io.mediahooks.worker.WorkerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The environment that docker-compose.yml and deploy/kubernetes/ give each service holds only
 * keys that service reads (a typo or a renamed setting would otherwise be silently ignored), and
 * every {@code MEDIAHOOKS_KAFKA_*} pass-through names a real Kafka client property.
 */
class DeploySettingsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> CLIENT_PROPERTIES = clientProperties();
    /** Variables whose value is a secret: never written in a manifest. */
    private static final List<String> SECRET_SETTINGS = List.of(KafkaSecurity.SASL_PASSWORD.key(),
            KafkaSecurity.SSL_TRUSTSTORE_PASSWORD.key(), "MEDIAHOOKS_KAFKA_SASL_JAAS_CONFIG", "MEDIAHOOKS_KAFKA_SSL_TRUSTSTORE_PASSWORD",
            "MEDIAHOOKS_KAFKA_SSL_KEYSTORE_PASSWORD", "MEDIAHOOKS_KAFKA_SSL_KEY_PASSWORD", "MEDIAHOOKS_ADMIN_TOKEN");

    @Test
    void composeGivesEachServiceOnlyKeysItReads() throws IOException {
        Map<String, Object> services = map(load(ROOT.resolve("docker-compose.yml")).get(0).get("services"));
        Map<String, Set<String>> checked = new HashMap<>();
        services.forEach((name, definition) -> {
            Map<String, Object> service = map(definition);
            String image = String.valueOf(service.getOrDefault("image", ""));
            Collection<Setting<?>> reads = readerOf(image);
            if (reads != null) {
                Set<String> keys = composeEnvironment(service.get("environment"));
                assertOnlyKnownKeys("compose service " + name, keys, reads);
                checked.put(image, keys);
            }
        });
        assertThat(checked).containsKeys("mediahooks/event-router:dev", "mediahooks/delivery-worker:dev");
        assertThat(checked.get("mediahooks/event-router:dev")).contains("KAFKA_BOOTSTRAP_SERVERS", "MEDIAHOOKS_STATE_DIR",
                "MEDIAHOOKS_SECRETS_KEYS");
        assertThat(checked.get("mediahooks/delivery-worker:dev")).contains("KAFKA_BOOTSTRAP_SERVERS", "MEDIAHOOKS_SECRETS_KEYS");
        assertThat(checked.get("mediahooks/management-api:dev")).contains("KAFKA_BOOTSTRAP_SERVERS", "MEDIAHOOKS_ADMIN_TOKEN",
                "MEDIAHOOKS_SECRETS_KEYS");
    }

    @Test
    void kubernetesGivesEachWorkloadOnlyKeysItReads() throws IOException {
        List<Map<String, Object>> documents = kubernetesDocuments();
        Map<String, Set<String>> configMaps = new HashMap<>();
        for (Map<String, Object> document : documents) {
            if ("ConfigMap".equals(document.get("kind"))) {
                configMaps.put(String.valueOf(map(document.get("metadata")).get("name")), map(document.get("data")).keySet());
            }
        }
        Map<String, Set<String>> workloads = new HashMap<>();
        for (Map<String, Object> document : documents) {
            if (!List.of("Deployment", "StatefulSet").contains(document.get("kind"))) {
                continue;
            }
            Map<String, Object> podSpec = map(map(map(document.get("spec")).get("template")).get("spec"));
            for (Object element : list(podSpec.get("containers"))) {
                Map<String, Object> container = map(element);
                Collection<Setting<?>> reads = readerOf(String.valueOf(container.get("image")));
                assertThat(reads).as("which service container %s runs", container.get("name")).isNotNull();
                Set<String> keys = containerEnvironment(container, configMaps);
                assertOnlyKnownKeys("Kubernetes container " + container.get("name"), keys, reads);
                workloads.put(String.valueOf(container.get("name")), keys);
            }
        }
        assertThat(workloads).containsKeys("event-router", "delivery-worker", "management-api");
        assertThat(workloads.get("management-api")).contains("KAFKA_BOOTSTRAP_SERVERS", "MEDIAHOOKS_ADMIN_TOKEN",
                "MEDIAHOOKS_API_STATE_DIR", "MEDIAHOOKS_SECRETS_KEYS");
        assertThat(workloads.get("event-router")).contains("KAFKA_BOOTSTRAP_SERVERS", "MEDIAHOOKS_STATE_DIR", "MEDIAHOOKS_SECRETS_KEYS",
                "MEDIAHOOKS_ALLOW_HTTP", "MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS");
        assertThat(workloads.get("delivery-worker")).contains("KAFKA_BOOTSTRAP_SERVERS", "MEDIAHOOKS_ALLOW_PRIVATE_NETWORKS",
                "MEDIAHOOKS_SECRETS_KEYS");
    }

    /**
     * The Kafka login of every workload comes from the Secret: the user by secretKeyRef, the password
     * as a file of a mounted Secret (or a secretKeyRef), the CA from a mounted Secret; no password is
     * ever written in a manifest or a ConfigMap.
     */
    @Test
    void kubernetesTakesKafkaCredentialsFromASecret() throws IOException {
        List<Map<String, Object>> documents = kubernetesDocuments();
        Map<String, String> common = new HashMap<>();
        for (Map<String, Object> document : documents) {
            if ("ConfigMap".equals(document.get("kind"))) {
                Map<String, Object> data = map(document.get("data"));
                assertThat(data).as("ConfigMap %s", map(document.get("metadata")).get("name")).doesNotContainKeys(SECRET_SETTINGS.toArray(String[]::new));
                data.forEach((key, value) -> common.putIfAbsent(key, String.valueOf(value)));
            }
        }
        int checked = 0;
        for (Map<String, Object> document : documents) {
            if (!List.of("Deployment", "StatefulSet").contains(document.get("kind"))) {
                continue;
            }
            Map<String, Object> podSpec = map(map(map(document.get("spec")).get("template")).get("spec"));
            Set<String> secretVolumes = new HashSet<>();
            for (Object volume : list(podSpec.get("volumes"))) {
                if (map(volume).containsKey("secret")) {
                    secretVolumes.add(String.valueOf(map(volume).get("name")));
                }
            }
            for (Object element : list(podSpec.get("containers"))) {
                Map<String, Object> container = map(element);
                String name = String.valueOf(container.get("name"));
                Map<String, Map<String, Object>> env = new HashMap<>();
                list(container.get("env")).forEach(entry -> env.put(String.valueOf(map(entry).get("name")), map(entry)));
                for (String secret : SECRET_SETTINGS) {
                    if (env.containsKey(secret)) {
                        assertThat(env.get(secret)).as("%s in %s", secret, name).doesNotContainKey("value");
                        assertThat(map(env.get(secret).get("valueFrom"))).as("%s in %s", secret, name).containsKey("secretKeyRef");
                    }
                }
                assertThat(map(map(env.get(KafkaSecurity.SASL_USERNAME.key())).get("valueFrom")))
                        .as("%s's KAFKA_SASL_USERNAME", name).containsKey("secretKeyRef");
                assertThat(env.containsKey(KafkaSecurity.SASL_PASSWORD.key())
                        || mountedFromSecret(common.get(KafkaSecurity.SASL_PASSWORD_FILE.key()), container, secretVolumes))
                        .as("%s reads its Kafka password from the Secret", name).isTrue();
                assertThat(mountedFromSecret(common.get(KafkaSecurity.SSL_TRUSTSTORE_LOCATION.key()), container, secretVolumes))
                        .as("%s reads the Kafka CA from the Secret", name).isTrue();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void checkCatchesAKeyNoServiceReads() {
        List<String> problems = problems(Set.of("MEDIAHOOKS_RETRY_SCHEDUL", "MEDIAHOOKS_KAFKA_SECURITY_PROTOCL"), WorkerConfig.SETTINGS);
        assertThat(problems).hasSize(2);
    }

    /** Whether {@code path} lies in one of the container's mounts of a Secret volume. */
    private static boolean mountedFromSecret(String path, Map<String, Object> container, Set<String> secretVolumes) {
        if (path == null) {
            return false;
        }
        return list(container.get("volumeMounts")).stream().map(DeploySettingsTest::map)
                .filter(mount -> secretVolumes.contains(String.valueOf(mount.get("name"))))
                .anyMatch(mount -> path.startsWith(mount.get("mountPath") + "/"));
    }

    private static List<Map<String, Object>> kubernetesDocuments() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var files = Files.list(ROOT.resolve("deploy/kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                documents.addAll(load(file));
            }
        }
        return documents;
    }

    private static void assertOnlyKnownKeys(String where, Set<String> keys, Collection<Setting<?>> reads) {
        assertThat(problems(keys, reads)).as(where).isEmpty();
    }

    private static List<String> problems(Set<String> keys, Collection<Setting<?>> reads) {
        Set<String> known = reads.stream().map(Setting::key).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String key : keys) {
            if (key.startsWith(Environment.KAFKA_PASSTHROUGH_PREFIX)) {
                String property = Environment.kafkaProperty(key);
                if (!CLIENT_PROPERTIES.contains(property)) {
                    problems.add(key + " passes through '" + property + "', which no Kafka client reads");
                }
            } else if ((key.startsWith("MEDIAHOOKS_") || key.startsWith("KAFKA_")) && !known.contains(key)) {
                problems.add(key + " is not read by this service");
            }
        }
        return problems;
    }

    /** The settings of the service an image runs; null for images that are not ours (Kafka, Grafana...). */
    private static Collection<Setting<?>> readerOf(String image) {
        if (image.contains("event-router")) {
            return RouterConfig.SETTINGS;
        }
        if (image.contains("delivery-worker")) {
            return WorkerConfig.SETTINGS;
        }
        if (image.contains("management-api")) {
            return ApiConfig.SETTINGS;
        }
        if (image.contains("mediahooks/cli")) {
            List<Setting<?>> cli = new ArrayList<>(CommonConfig.SETTINGS);
            cli.addAll(SecretsConfig.SETTINGS);
            return cli;
        }
        return null;
    }

    private static Set<String> composeEnvironment(Object environment) {
        if (environment == null) {
            return Set.of();
        }
        if (environment instanceof List<?> entries) {
            return entries.stream().map(entry -> String.valueOf(entry).split("=", 2)[0]).collect(Collectors.toSet());
        }
        return map(environment).keySet();
    }

    private static Set<String> containerEnvironment(Map<String, Object> container, Map<String, Set<String>> configMaps) {
        Set<String> keys = new HashSet<>();
        for (Object entry : list(container.get("env"))) {
            keys.add(String.valueOf(map(entry).get("name")));
        }
        for (Object entry : list(container.get("envFrom"))) {
            Object reference = map(entry).get("configMapRef");
            if (reference != null) {
                String name = String.valueOf(map(reference).get("name"));
                assertThat(configMaps).as("ConfigMap %s", name).containsKey(name);
                keys.addAll(configMaps.get(name));
            }
        }
        return keys;
    }

    private static Set<String> clientProperties() {
        Set<String> names = new HashSet<>();
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        names.addAll(StreamsConfig.configDef().names());
        return names;
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        return value == null ? List.of() : (List<?>) value;
    }
}
