package io.mediahooks.reliability.ssrf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The management API as a customer (and its operator) calls it, over real HTTP. */
final class ApiClient {

    /** An answer: the status, and the JSON body (a problem's {@code detail} on an error). */
    record Answer(int status, JsonNode body) {

        String text(String field) {
            JsonNode value = body.get(field);
            return value == null || value.isNull() ? "" : value.asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Creates an API key of {@code organization} with the operator's token; returns the key. */
    String createKey(String adminToken, String organization) {
        Answer answer = post("/v1/organizations/" + organization + "/api-keys", adminToken, "{\"description\":\"ssrf\"}");
        require(answer, 201, "creating an API key");
        return answer.text("key");
    }

    /** Creates the organization's signing secret; returns its value. */
    String createSecret(String key) {
        Answer answer = post("/v1/secret", key, null);
        require(answer, 201, "creating the secret");
        return answer.text("value");
    }

    /** Submits a webhook for every event to {@code url}, as a customer would. */
    Answer createWebhook(String key, String url) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("url", url);
        body.putArray("events").add("ALL");
        body.put("description", "ssrf corpus");
        return post("/v1/webhooks", key, Json.writeString(body));
    }

    private Answer post(String path, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + bearer);
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(response.body());
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("the management API did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void require(Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
