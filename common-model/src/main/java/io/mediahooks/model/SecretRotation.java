package io.mediahooks.model;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure rules for secrets, shared by the CLI and the management API: generating one, naming the next,
 * and what a rotation keeps.
 */
public final class SecretRotation {

    /** Bytes of randomness in a generated secret (the contract allows 24 to 64). */
    public static final int GENERATED_KEY_BYTES = 32;

    private static final Pattern NUMBERED = Pattern.compile("sec_(\\d{1,9})");

    private SecretRotation() {
    }

    /** A fresh {@code whsec_} secret from {@code random}. */
    public static String generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return WebhookSecret.PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code sec_1} for an organization without secrets, else one more than the highest {@code sec_<n>}. */
    public static SecretId nextId(List<WebhookSecret> existing) {
        int highest = existing.size();
        for (WebhookSecret secret : existing) {
            Matcher matcher = NUMBERED.matcher(secret.id().value());
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return new SecretId("sec_" + (highest + 1));
    }

    /**
     * The secrets after a rotation at {@code now}: {@code newPrimary} first, then every secret still
     * live, each expiring at {@code now + overlap} unless it already expires sooner. Secrets that
     * have already expired are dropped: they no longer sign anything.
     *
     * @throws IllegalArgumentException when the new primary expires or is already one of the secrets
     */
    public static OrganizationSecrets rotate(OrganizationSecrets current, WebhookSecret newPrimary, Instant now, Duration overlap) {
        if (newPrimary.expiresAt().isPresent()) {
            throw new IllegalArgumentException("a new primary secret does not expire");
        }
        Instant overlapEnd = now.plus(overlap);
        List<WebhookSecret> rotated = new ArrayList<>();
        rotated.add(newPrimary);
        for (WebhookSecret old : current.liveAt(now)) {
            if (old.value().equals(newPrimary.value())) {
                throw new IllegalArgumentException("that secret is already one of " + current.organizationId()
                        + "'s secrets (" + old.id() + ")");
            }
            Instant expiry = old.expiresAt().filter(at -> at.isBefore(overlapEnd)).orElse(overlapEnd);
            rotated.add(new WebhookSecret(old.id(), old.value(), Optional.of(expiry)));
        }
        return new OrganizationSecrets(current.organizationId(), rotated);
    }
}
