package io.mediahooks.reliability.input;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediahooks.model.MediaEvent;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.SecretId;
import io.mediahooks.model.Subscription;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.json.Json;
import io.mediahooks.model.json.MediaEventCodec;
import java.util.List;
import java.util.Optional;

/**
 * The damages particular to one topic: values that parse but break its contract, keys that are not
 * the record's id, null values. A bad webhook points at the receiver's trap endpoint and a bad
 * secrets record carries a new secret, so that one applied by mistake shows at the receiver.
 */
final class TopicDamages {

    /** Strings in an array, each {@code "ab",}: escaped once more in the delivery, so the delivery is 1.4 times the event. */
    private static final int TOO_LARGE_TO_DELIVER_STRINGS = 190_000;

    private final Corpus corpus;

    TopicDamages(Corpus corpus) {
        this.corpus = corpus;
    }

    void add(InputTopic topic, Corpus.Template template, boolean firstRound) {
        switch (topic) {
            case MEDIA_EVENTS -> mediaEvents(template, firstRound);
            case SUBSCRIPTIONS -> subscriptions(template, firstRound);
            case SECRETS -> secrets(template, firstRound);
            case DELIVERIES, RETRIES -> deliveries(topic, template, firstRound);
        }
    }

    private void mediaEvents(Corpus.Template template, boolean firstRound) {
        InputTopic topic = InputTopic.MEDIA_EVENTS;
        invalid(topic, template, "event_type", "\"VIDEO_EXPLODED\"");
        invalid(topic, template, "created_at", "\"yesterday\"");
        invalid(topic, template, "event_id", "\"  \"");
        invalid(topic, template, "payload", "{\"tags\":\"sports\"}");
        invalid(topic, template, "payload", "{\"tags\":[1]}");
        corpus.add(topic, Damage.NULL_VALUE, "null value", template.key(), null);
        corpus.add(topic, Damage.NULL_KEY, "null key, null value", null, null);
        if (firstRound) {
            corpus.add(topic, Damage.ONE_MB, "event_type of 1,000,000 letters", template.key(),
                    Corpus.with(template.copy(), "event_type", Mutations.longString(Mutations.ONE_MB)));
            MediaEvent event = corpus.fixture().event("evt_bad_too_large_to_deliver");
            String strings = "[" + "\"ab\",".repeat(TOO_LARGE_TO_DELIVER_STRINGS - 1) + "\"ab\"]";
            ObjectNode fields = Corpus.read(MediaEventCodec.INSTANCE.encode(event));
            corpus.add(topic, Damage.ONE_MB, "a valid event of 1 MB whose delivery Kafka refuses as too large",
                    Corpus.utf8(event.organizationId().value()),
                    Corpus.with(fields, "payload", "{\"tags\":[\"sports\"],\"chapters\":" + strings + "}"));
        }
    }

    private void subscriptions(Corpus.Template template, boolean firstRound) {
        InputTopic topic = InputTopic.SUBSCRIPTIONS;
        Subscription target = corpus.pick(corpus.fixture().webhooks());
        String trap = corpus.fixture().trapBaseUrl() + "/trap/" + target.id().value();
        Corpus.Template trapped = withField(template, "url", quoted(trap));
        invalid(topic, template, "url", quoted(trap.replaceFirst("^http", "ftp")));
        invalid(topic, template, "url", quoted(trap.replaceFirst("://", "://user:password@")));
        invalid(topic, template, "url", quoted(trap + "#fragment"));
        invalid(topic, template, "url", "\"https:///trap\"");
        invalid(topic, trapped, "events", "[\"VIDEO_EXPLODED\"]");
        invalid(topic, trapped, "events", "[]");
        invalid(topic, trapped, "conditions", "[{\"type\":\"has_colour\",\"name\":\"red\"}]");
        invalid(topic, trapped, "conditions", "[{\"type\":\"has_tag\",\"name\":\" \"}]");
        invalid(topic, trapped, "disabled_at", "\"2026-11-26T12:00:00Z\"");
        Subscription other = corpus.pick(corpus.fixture().webhooks().stream().filter(each -> !each.id().equals(target.id())).toList());
        corpus.add(topic, Damage.KEY_NOT_ID, "webhook " + other.id() + " filed under the key of " + target.id(),
                Corpus.utf8(target.id().value()), Corpus.with(Corpus.read(
                        io.mediahooks.model.json.SubscriptionCodec.INSTANCE.encode(other)), "url", quoted(trap)));
        corpus.add(topic, Damage.NULL_KEY, "a valid webhook with no key", null, trapped.value());
        corpus.add(topic, Damage.NULL_KEY, "null key, null value", null, null);
        if (firstRound) {
            corpus.add(topic, Damage.ONE_MB, "url of 1,000,000 letters", template.key(),
                    Corpus.with(template.copy(), "url", "\"https://" + "x".repeat(Mutations.ONE_MB) + "\""));
        }
    }

    private void secrets(Corpus.Template template, boolean firstRound) {
        InputTopic topic = InputTopic.SECRETS;
        String fresh = corpus.secret(corpus.fixture().newSecretValue());
        invalid(topic, template, "secrets", secretsArray("sec_1", quoted(fresh.substring("whsec_".length()))));
        invalid(topic, template, "secrets", secretsArray("sec_1", "\"whsec_AAECAwQF\""));
        invalid(topic, template, "secrets", secretsArray("sec_1", quoted(fresh.replace('A', '*').replace('B', '*') + "*")));
        invalid(topic, template, "secrets", secretsArray("sec_1", "12345"));
        invalid(topic, template, "secrets", "[]");
        invalid(topic, template, "secrets", "[{\"id\":\"sec_1\",\"value\":" + quoted(fresh) + "},{\"id\":\"sec_1\",\"value\":"
                + quoted(corpus.secret(corpus.fixture().newSecretValue())) + "}]");
        invalid(topic, template, "secrets", "[{\"id\":\"sec_1\",\"value\":" + quoted(fresh) + ",\"expires_at\":\"soon\"}]");
        invalid(topic, template, "secrets", "[{\"id\":7,\"value\":" + quoted(fresh) + "}]");
        List<OrganizationSecrets> all = corpus.fixture().secrets();
        String key = new String(template.key(), java.nio.charset.StandardCharsets.UTF_8);
        OrganizationSecrets other = corpus.pick(all.stream().filter(each -> !each.organizationId().value().equals(key)).toList());
        corpus.add(topic, Damage.KEY_NOT_ID, "secrets of " + other.organizationId() + " filed under the key of " + key,
                template.key(), corpus.sealed(new OrganizationSecrets(other.organizationId(),
                        List.of(new WebhookSecret(new SecretId("sec_9"), fresh, Optional.empty())))));
        corpus.add(topic, Damage.NULL_KEY, "valid secrets with no key", null,
                Corpus.with(template.copy(), "secrets", secretsArray("sec_9", quoted(fresh))));
        corpus.add(topic, Damage.NULL_KEY, "null key, null value", null, null);
        if (firstRound) {
            corpus.add(topic, Damage.ONE_MB, "a secret of 1,000,000 characters", template.key(),
                    Corpus.with(template.copy(), "secrets", secretsArray("sec_1", "\"whsec_" + "A".repeat(Mutations.ONE_MB) + "\"")));
        }
    }

    private void deliveries(InputTopic topic, Corpus.Template template, boolean firstRound) {
        invalid(topic, template, "event_type", "\"VIDEO_EXPLODED\"");
        invalid(topic, template, "attempts", "-1");
        invalid(topic, template, "delivery_id", "\"msg_a.b\"");
        invalid(topic, template, "not_before", "\"later\"");
        invalid(topic, template, "created_at", "\"yesterday\"");
        corpus.add(topic, Damage.NULL_VALUE, "a tombstone", template.key(), null);
        corpus.add(topic, Damage.NULL_KEY, "null key, null value", null, null);
        if (firstRound) {
            corpus.add(topic, Damage.ONE_MB, "event_type of 1,000,000 letters", template.key(),
                    Corpus.with(template.copy(), "event_type", Mutations.longString(Mutations.ONE_MB)));
        }
    }

    private void invalid(InputTopic topic, Corpus.Template template, String field, String raw) {
        corpus.add(topic, Damage.INVALID_VALUE, field + " = " + abbreviate(raw), template.key(), Corpus.with(template.copy(), field, raw));
    }

    private static Corpus.Template withField(Corpus.Template template, String field, String raw) {
        byte[] value = Corpus.with(template.copy(), field, raw);
        return new Corpus.Template(template.key(), value, Corpus.read(value), template.required(), template.wrongTypes(),
                template.stringField());
    }

    private static String secretsArray(String id, String rawValue) {
        return "[{\"id\":" + quoted(id) + ",\"value\":" + rawValue + "}]";
    }

    private static String quoted(String text) {
        return Json.writeString(Json.MAPPER.getNodeFactory().textNode(text));
    }

    /** Never a secret in a variant's name: it is reported. */
    private static String abbreviate(String raw) {
        String shown = raw.replaceAll("whsec_[A-Za-z0-9+/=*]+", "whsec_…").replaceAll("\"[A-Za-z0-9+/=*]{30,}\"", "\"…\"");
        return shown.length() <= 60 ? shown : shown.substring(0, 57) + "...";
    }
}
