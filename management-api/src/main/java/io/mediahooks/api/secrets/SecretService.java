package io.mediahooks.api.secrets;

import io.mediahooks.api.http.ApiProblem;
import io.mediahooks.api.kafka.ViewWriter;
import io.mediahooks.api.views.Views;
import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.OrganizationId;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.SecretRotation;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.kafka.Topic;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An organization's signing secrets. This is the one class that reads and writes secret records:
 * it writes them sealed under the key ring (through the topic's codec) and opens them only in
 * memory; the view holds them as they are on the topic. Values leave it once, when generated.
 */
public final class SecretService {

    /** The longest overlap a rotation may keep old secrets signing. */
    public static final Duration MAX_OVERLAP = Duration.ofDays(30);
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern TIMED_ID = Pattern.compile("sec_(\\d{8}T\\d{6}Z)_[0-9a-f]+");

    /** What the API shows of one secret: never its value. */
    public record SecretInfo(SecretId id, Optional<Instant> createdAt, Optional<Instant> expiresAt) {
    }

    /** A secret just made, with the value shown this once. */
    public record Generated(SecretInfo info, String value) {
        @Override
        public String toString() {
            return "Generated[" + info + "]";
        }
    }

    private final Views views;
    private final ViewWriter writer;
    private final Topic<OrganizationId, OrganizationSecrets> topic;
    private final Clock clock;
    private final SecureRandom random;

    /** @param topic {@code webhook-secrets} with the codec that seals and opens secrets at rest */
    public SecretService(Views views, ViewWriter writer, Topic<OrganizationId, OrganizationSecrets> topic, Clock clock,
                         SecureRandom random) {
        this.views = views;
        this.writer = writer;
        this.topic = topic;
        this.clock = clock;
        this.random = random;
    }

    public Optional<OrganizationSecrets> current(OrganizationId organization) {
        byte[] bytes = views.secrets().get(organization.value());
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(topic.valueSerde().deserializer().deserialize(topic.name(), bytes));
        } catch (InvalidRecordException e) {
            return Optional.empty();
        }
    }

    /** Whether deliveries are signed (and so sent) now, and the secrets still signing. */
    public List<SecretInfo> live(OrganizationId organization) {
        Instant now = clock.instant();
        return current(organization).map(secrets -> secrets.liveAt(now)).orElse(List.of()).stream()
                .map(SecretService::info).toList();
    }

    /** The organization's first secret; 409 when it has a live one (rotate instead). */
    public Generated generate(OrganizationId organization) {
        Instant now = now();
        if (current(organization).filter(secrets -> secrets.hasLiveSecretAt(now)).isPresent()) {
            throw ApiProblem.of(ApiProblem.Kind.CONFLICT, "the organization already has a secret; rotate it with POST /v1/secret/rotate");
        }
        WebhookSecret secret = newSecret(now);
        write(new OrganizationSecrets(organization, List.of(secret)));
        return new Generated(info(secret), secret.value());
    }

    /** A new primary secret; the live ones keep signing until {@code now + overlap}. */
    public Generated rotate(OrganizationId organization, Duration overlap) {
        Instant now = now();
        OrganizationSecrets current = current(organization).filter(secrets -> secrets.hasLiveSecretAt(now))
                .orElseThrow(() -> ApiProblem.of(ApiProblem.Kind.CONFLICT,
                        "the organization has no secret to rotate; generate one with POST /v1/secret"));
        WebhookSecret secret = newSecret(now);
        write(SecretRotation.rotate(current, secret, now, overlap));
        return new Generated(info(secret), secret.value());
    }

    private void write(OrganizationSecrets secrets) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), secrets);
        String key = secrets.organizationId().value();
        writer.write(topic, secrets.organizationId(), bytes, () -> Arrays.equals(views.secrets().get(key), bytes));
    }

    /** Ids carry the creation time, since the contract's secret record has no field for it. */
    private WebhookSecret newSecret(Instant now) {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        SecretId id = new SecretId("sec_" + ID_TIME.format(now) + "_" + HexFormat.of().formatHex(suffix));
        return new WebhookSecret(id, SecretRotation.generate(random), Optional.empty());
    }

    static SecretInfo info(WebhookSecret secret) {
        Matcher matcher = TIMED_ID.matcher(secret.id().value());
        Optional<Instant> created = matcher.matches()
                ? Optional.of(Instant.from(ID_TIME.parse(matcher.group(1)))) : Optional.empty();
        return new SecretInfo(secret.id(), created, secret.expiresAt());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
