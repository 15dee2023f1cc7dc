package io.mediahooks.reliability.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The bad records of the malformed-input scenario: each round damages a fresh valid record of every
 * input topic in every way of {@link Damage}, plus the ways particular to the topic
 * ({@link TopicDamages}). The 1 MB and over-the-limit records come in the first round only.
 */
public final class Corpus {

    /** Deep and 1 MB values by topic: a field replaced by a raw JSON value. */
    private static final Map<InputTopic, String> DEEP_FIELD = Map.of(InputTopic.MEDIA_EVENTS, "payload",
            InputTopic.SUBSCRIPTIONS, "conditions", InputTopic.SECRETS, "secrets", InputTopic.DELIVERIES, "last_attempt",
            InputTopic.RETRIES, "last_attempt");

    private final Fixture fixture;
    private final OrganizationSecretsCodec secretsCodec;
    private final Random random;
    private final List<BadRecord> records = new ArrayList<>();
    private final Set<String> secretValues = new LinkedHashSet<>();
    private int next;

    private Corpus(Fixture fixture, SecretsAtRest atRest) {
        this.fixture = fixture;
        this.secretsCodec = new OrganizationSecretsCodec(atRest);
        this.random = fixture.random();
        fixture.secrets().forEach(organization -> organization.secrets().forEach(secret -> secretValues.add(secret.value())));
    }

    /** {@code rounds} rounds of damage to every topic; valid secrets records are sealed as {@code atRest} writes them. */
    public static Corpus generate(Fixture fixture, int rounds, SecretsAtRest atRest) {
        Corpus corpus = new Corpus(fixture, atRest);
        TopicDamages particular = new TopicDamages(corpus);
        for (int round = 0; round < rounds; round++) {
            for (InputTopic topic : InputTopic.values()) {
                Template template = corpus.template(topic);
                corpus.common(topic, template, round == 0);
                particular.add(topic, template, round == 0);
            }
        }
        return corpus;
    }

    public List<BadRecord> records() {
        return List.copyOf(records);
    }

    /** Every secret value that appears in a record of the corpus, valid or not: the logs must hold none. */
    public Set<String> secretValues() {
        return Set.copyOf(secretValues);
    }

    /** A valid record of {@code topic} to damage, with its key and its fields. */
    record Template(byte[] key, byte[] value, ObjectNode fields, List<String> required, Map<String, String> wrongTypes,
                    String stringField) {

        ObjectNode copy() {
            return fields.deepCopy();
        }
    }

    Template template(InputTopic topic) {
        return switch (topic) {
            case MEDIA_EVENTS -> {
                MediaEvent event = fixture.event("evt_bad_" + next);
                yield template(utf8(event.organizationId().value()), MediaEventCodec.INSTANCE.encode(event),
                        List.of("event_id", "event_type", "created_at", "organization_id", "payload"),
                        Map.of("event_id", "42", "event_type", "true", "created_at", "1764158400", "organization_id",
                                "[\"org\"]", "payload", "\"a payload\""), "event_id");
            }
            case SUBSCRIPTIONS -> {
                Subscription webhook = pick(fixture.webhooks());
                yield template(utf8(webhook.id().value()), SubscriptionCodec.INSTANCE.encode(webhook),
                        List.of("id", "organization_id", "url", "events"),
                        Map.of("url", "42", "events", "\"ALL\"", "enabled", "\"yes\"", "conditions", "{}", "id", "[]"),
                        "description");
            }
            case SECRETS -> {
                OrganizationSecrets secrets = pick(fixture.secrets());
                yield template(utf8(secrets.organizationId().value()), secretsCodec.encode(secrets),
                        List.of("organization_id", "secrets"),
                        Map.of("organization_id", "7", "secrets", "{}"), "organization_id");
            }
            case DELIVERIES, RETRIES -> {
                var delivery = fixture.delivery(fixture.event("evt_bad_" + next), topic == InputTopic.RETRIES);
                yield template(utf8(delivery.subscriptionId().value()), DeliveryCodec.INSTANCE.encode(delivery),
                        List.of("delivery_id", "subscription_id", "organization_id", "event_id", "event_type", "created_at",
                                "url", "body", "routed_at", "attempts"),
                        Map.of("attempts", "\"one\"", "body", "{}", "routed_at", "0", "delivery_id", "7", "not_before", "5"),
                        "event_id");
            }
        };
    }

    private static Template template(byte[] key, byte[] value, List<String> required, Map<String, String> wrongTypes,
                                     String stringField) {
        return new Template(key, value, read(value), required, wrongTypes, stringField);
    }

    /** The damages every topic gets. */
    private void common(InputTopic topic, Template template, boolean firstRound) {
        byte[] valid = template.value();
        add(topic, Damage.TRUNCATED, "cut short", template.key(), Mutations.truncate(valid, random));
        add(topic, Damage.BIT_FLIP, "one bit of a quote", template.key(), Mutations.flipQuoteBit(valid, random));
        add(topic, Damage.NULL_KEY, "no key, one bit flipped", null, Mutations.flipQuoteBit(valid, random));
        for (String[] bytes : Mutations.INVALID_UTF8) {
            add(topic, Damage.INVALID_UTF8, bytes[1], template.key(), Mutations.invalidUtf8In(valid, template.stringField(), bytes[0]));
        }
        template.wrongTypes().forEach((field, raw) -> add(topic, Damage.WRONG_TYPE, field + " = " + raw, template.key(),
                with(template.copy(), field, raw)));
        for (String field : template.required()) {
            ObjectNode missing = template.copy();
            missing.remove(field);
            add(topic, Damage.MISSING_FIELD, field, template.key(), write(missing));
        }
        String first = template.required().get(0);
        add(topic, Damage.DUPLICATED_FIELD, first + " twice, same value", template.key(),
                Mutations.duplicateField(valid, first, template.fields().get(first).toString()));
        add(topic, Damage.DUPLICATED_FIELD, first + " twice, another value", template.key(),
                Mutations.duplicateField(valid, first, "\"another\""));
        add(topic, Damage.DEEP, DEEP_FIELD.get(topic) + " nested " + Mutations.DEEP + " deep", template.key(),
                with(template.copy(), DEEP_FIELD.get(topic), topic == InputTopic.SUBSCRIPTIONS || topic == InputTopic.SECRETS
                        ? Mutations.nestedArrays(Mutations.DEEP) : Mutations.nestedObjects(Mutations.DEEP)));
        add(topic, Damage.EMPTY, "zero bytes", template.key(), new byte[0]);
        for (String notAnObject : List.of("[1,2]", "\"text\"", "42", "null")) {
            add(topic, Damage.NOT_AN_OBJECT, notAnObject, template.key(), utf8(notAnObject));
        }
        if (firstRound) {
            add(topic, Damage.ONE_MB, "1,000,000 bytes that are not text", template.key(), Mutations.junk(Mutations.ONE_MB, random));
            add(topic, Damage.OVER_LIMIT, "2,000,000 bytes that are not text", template.key(),
                    Mutations.junk(2 * Mutations.ONE_MB, random));
        }
    }

    void add(InputTopic topic, Damage damage, String variant, byte[] key, byte[] value) {
        records.add(new BadRecord(topic, "bad-" + next++, damage, variant, key, value));
    }

    /** Remembers a secret value written into a record, so that the scan of the logs looks for it. */
    /** {@code secrets} as a valid record of the run writes it: sealed under its key ring. */
    byte[] sealed(OrganizationSecrets secrets) {
        return secretsCodec.encode(secrets);
    }

    String secret(String value) {
        secretValues.add(value);
        return value;
    }

    Fixture fixture() {
        return fixture;
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /**
     * {@code node} without {@code field}, written, with {@code "field": raw} appended as text: a
     * value 10,000 deep never goes through a recursive serializer.
     */
    static byte[] with(ObjectNode node, String field, String raw) {
        node.remove(field);
        return Mutations.duplicateField(write(node), field, raw);
    }

    static ObjectNode read(byte[] json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a template must be a JSON object", e);
        }
    }

    static byte[] write(ObjectNode node) {
        return Json.write(node);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
