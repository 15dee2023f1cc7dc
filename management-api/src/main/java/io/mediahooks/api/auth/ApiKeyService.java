package io.mediahooks.api.auth;

import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.kafka.ViewWriter;
import io.mediahooks.api.views.Keys;
import io.mediahooks.api.views.ViewTopology;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.ApiKey;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.json.ApiKeyCodec;
import io.mediahooks.model.kafka.Topics;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;

/** The operator's side of API keys: create (the key is returned once), list without values, revoke. */
public final class ApiKeyService {

    /** A key just created: the record and the key itself, which is shown this once. */
    public record Created(ApiKey record, String key) {
        @Override
        public String toString() {
            return "Created[" + record.id() + "]";
        }
    }

    private final Views views;
    private final ViewWriter writer;
    private final Topics topics;
    private final Clock clock;
    private final SecureRandom random;
    private final RateLimiter rateLimiter;

    public ApiKeyService(Views views, ViewWriter writer, Topics topics, Clock clock, SecureRandom random, RateLimiter rateLimiter) {
        this.views = views;
        this.writer = writer;
        this.topics = topics;
        this.clock = clock;
        this.random = random;
        this.rateLimiter = rateLimiter;
    }

    public Created create(OrganizationId organization, Optional<String> description) {
        KeyMaterial.NewKey key = KeyMaterial.generate(random);
        ApiKey record = new ApiKey(key.id(), organization, KeyMaterial.sha256Hex(key.key()),
                clock.instant().truncatedTo(ChronoUnit.SECONDS), description);
        byte[] bytes = ApiKeyCodec.INSTANCE.encode(record);
        writer.write(topics.apiKeys(), record.id(), bytes, () -> Arrays.equals(views.apiKeys().get(key.id()), bytes));
        return new Created(record, key.key());
    }

    public List<ApiKey> list(OrganizationId organization) {
        List<ApiKey> keys = new ArrayList<>();
        String prefix = ViewTopology.organizationPrefix(organization.value());
        try (KeyValueIterator<String, byte[]> it = views.apiKeys().range(prefix, prefix + Keys.END)) {
            while (it.hasNext()) {
                byte[] bytes = views.apiKeys().get(it.next().key.substring(prefix.length()));
                Optional.ofNullable(bytes).flatMap(ApiKeyService::decode)
                        .filter(key -> key.organizationId().equals(organization)).ifPresent(keys::add);
            }
        }
        return keys;
    }

    public void delete(OrganizationId organization, String id) {
        byte[] bytes = ApiKey.isValidId(id) ? views.apiKeys().get(id) : null;
        if (bytes == null || decode(bytes).filter(key -> key.organizationId().equals(organization)).isEmpty()) {
            throw ApiProblem.notFound("no API key " + id + " for " + organization);
        }
        writer.write(topics.apiKeys(), id, null, () -> views.apiKeys().get(id) == null);
        rateLimiter.forget(id);
    }

    private static Optional<ApiKey> decode(byte[] bytes) {
        try {
            return Optional.of(ApiKeyCodec.INSTANCE.decode(bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }
}
