package io.mediahooks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.kafka.TopicNames;
import io.mediahooks.runtime.CommonConfig;
import io.mediahooks.runtime.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A management API started in this JVM on the test broker, with topic names of its own (or shared
 * with a second instance), and a small HTTP client for it.
 */
public final class ApiHarness implements AutoCloseable {

    public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

    /** One response: status, headers and body text. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            return Json.parseObject(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final ApiApplication app;
    private final TopicNames names;
    private final HttpClient client = HttpClient.newHttpClient();

    private ApiHarness(ApiApplication app, TopicNames names) {
        this.app = app;
        this.names = names;
    }

    public static TopicNames uniqueNames(KafkaTestBroker kafka) {
        return TopicNames.defaults().prefixed(kafka.uniqueTopic("api") + "-");
    }

    public static ApiHarness start(KafkaTestBroker kafka, TopicNames names, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(environment(kafka.bootstrapServers(), names));
        env.putAll(extra);
        ApiApplication app = ApiApplication.start(ApiConfig.from(new Environment(env)), Clock.systemUTC());
        return new ApiHarness(app, names);
    }

    /** The variables an API instance gets in tests: Kafka, its topics, a state dir of its own, free ports. */
    public static Map<String, String> environment(String bootstrap, TopicNames names) {
        Map<String, String> env = new HashMap<>(CommonConfig.topicVariables(names));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("MEDIAHOOKS_TOPIC_PARTITIONS", "2");
        env.put("MEDIAHOOKS_RETRY_SCHEDULE", "1s,1s");
        env.put("MEDIAHOOKS_API_PORT", "0");
        env.put("MEDIAHOOKS_MANAGEMENT_PORT", "0");
        env.put("MEDIAHOOKS_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("MEDIAHOOKS_TOPIC_API_JOBS", jobsTopic(names));
        env.put("MEDIAHOOKS_API_ROCKSDB_CACHE_MB", "16");
        env.putAll(TestSecretsKeys.environment());
        try {
            Path dir = Files.createDirectories(Path.of("target", "api-state"));
            env.put("MEDIAHOOKS_API_STATE_DIR", Files.createTempDirectory(dir, "instance").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    /** The jobs topic the test instances use: beside their API keys topic. */
    public static String jobsTopic(TopicNames names) {
        return names.apiKeys() + "-jobs";
    }

    public ApiApplication app() {
        return app;
    }

    public TopicNames names() {
        return names;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + app.port() + path);
    }

    /** A new API key of {@code organization}, made with the admin token. */
    public String newKey(String organization) {
        Response created = send("POST", "/v1/organizations/" + organization + "/api-keys", ADMIN_TOKEN, null, null);
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a key: " + created);
        }
        return created.json().get("key").asText();
    }

    public Response get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    public Response post(String path, String key, JsonNode body) {
        return send("POST", path, key, body == null ? null : Json.writeString(body), "application/json");
    }

    public Response send(String method, String path, String key, String body, String contentType) {
        return send(method, path, key, body, contentType, Map.of());
    }

    public Response send(String method, String path, String key, String body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode webhookInput(String url, String... events) {
        ObjectNode input = Json.MAPPER.createObjectNode();
        input.put("url", url);
        var array = input.putArray("events");
        for (String event : events) {
            array.add(event);
        }
        return input;
    }

    @Override
    public void close() {
        app.close();
    }
}
