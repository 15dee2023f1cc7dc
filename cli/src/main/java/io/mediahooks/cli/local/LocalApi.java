package io.mediahooks.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediahooks.cli.CliException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The management API of the local run: its own settings (port, an admin token made for this run,
 * state directory; plain http and loopback URLs are allowed with every service's) and the demo
 * organization's API key.
 */
final class LocalApi {

    private LocalApi() {
    }

    /** A random admin token for one run. */
    static String adminToken(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return "local-admin-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The port to use: the preferred one when it is free, else any free port. */
    static int port(int preferred) {
        return LocalLayout.isFree(preferred) ? preferred : LocalLayout.freePort();
    }

    static Map<String, String> environment(LocalLayout layout, int port, String adminToken) {
        Map<String, String> env = new HashMap<>();
        env.put("MEDIAHOOKS_API_PORT", String.valueOf(port));
        env.put("MEDIAHOOKS_ADMIN_TOKEN", adminToken);
        env.put("MEDIAHOOKS_API_STATE_DIR", layout.apiState().toString());
        // The URL switches of local development come with every service's environment (LocalEnvironment).
        return env;
    }

    /** Creates an API key of {@code organization} through the API itself, as an operator would. */
    static String createKey(int port, String adminToken, String organization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/organizations/" + organization
                        + "/api-keys"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"description\": \"mediahooks local\"}"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw CliException.failure("the API did not create a key: " + response.statusCode() + " " + response.body());
            }
            JsonNode body = io.mediahooks.model.json.Json.MAPPER.readTree(response.body());
            return body.get("key").asText();
        } catch (IOException e) {
            throw CliException.failure("could not reach the API on port " + port + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failure("interrupted while creating the API key", e);
        }
    }
}
