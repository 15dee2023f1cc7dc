package io.mediahooks.reliability.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.InvalidRecordException;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.DeliveryCodec;
import io.mediahooks.model.json.JsonCodec;
import io.mediahooks.model.json.MediaEventCodec;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import io.mediahooks.model.json.SubscriptionCodec;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every generated bad record is bad for the contract's one codec, for the reason its damage names. */
class CorpusTest {

    private static final SecretsAtRest AT_REST = SecretsAtRest.encrypted(SecretsKeyRing.parse("t1:" + SecretsKeyRing.generateKey()));
    private static final OrganizationSecretsCodec SECRETS = new OrganizationSecretsCodec(AT_REST);
    private static final Map<InputTopic, JsonCodec<?>> CODECS = Map.of(InputTopic.MEDIA_EVENTS, MediaEventCodec.INSTANCE,
            InputTopic.SUBSCRIPTIONS, SubscriptionCodec.INSTANCE, InputTopic.SECRETS, SECRETS,
            InputTopic.DELIVERIES, DeliveryCodec.INSTANCE, InputTopic.RETRIES, DeliveryCodec.INSTANCE);
    private static final String TOO_LARGE_TO_DELIVER = "a valid event of 1 MB whose delivery Kafka refuses as too large";

    private final Fixture fixture = new Fixture(3, 42, "http://127.0.0.1:1", "http://127.0.0.1:2");
    private final Corpus corpus = Corpus.generate(fixture, 2, AT_REST);

    @Test
    void everyRecordIsRefusedByTheCodecOrHasNoKeyOrNoValueOrAKeyThatIsNotItsId() {
        for (BadRecord bad : corpus.records()) {
            if (bad.value() == null || bad.key() == null || bad.damage() == Damage.KEY_NOT_ID
                    || bad.variant().equals(TOO_LARGE_TO_DELIVER)) {
                continue;
            }
            assertThatThrownBy(() -> CODECS.get(bad.topic()).decode(bad.value()))
                    .as("%s %s: %s", bad.topic(), bad.damage(), bad.variant())
                    .isInstanceOf(InvalidRecordException.class);
        }
    }

    @Test
    void recordsFiledUnderAnotherKeyDecodeToAnotherId() {
        List<BadRecord> misfiled = corpus.records().stream().filter(bad -> bad.damage() == Damage.KEY_NOT_ID).toList();
        assertThat(misfiled).hasSize(4);
        for (BadRecord bad : misfiled) {
            String key = new String(bad.key(), StandardCharsets.UTF_8);
            String id = bad.topic() == InputTopic.SUBSCRIPTIONS
                    ? SubscriptionCodec.INSTANCE.decode(bad.value()).id().value()
                    : SECRETS.decode(bad.value()).organizationId().value();
            assertThat(id).isNotEqualTo(key);
        }
    }

    @Test
    void theLargeValidEventDecodesButItsDeliveryIsOverOneMebibyte() {
        BadRecord large = corpus.records().stream().filter(bad -> bad.variant().equals(TOO_LARGE_TO_DELIVER)).findFirst().orElseThrow();
        var event = MediaEventCodec.INSTANCE.decode(large.value());
        assertThat(large.value().length).isLessThan(Mutations.ONE_MB);
        String bodyAsJsonString = io.mediahooks.model.json.Json.writeString(
                io.mediahooks.model.json.Json.MAPPER.getNodeFactory().textNode(MediaEventCodec.deliveryBody(event)));
        assertThat(bodyAsJsonString.length()).as("the body as the delivery record holds it").isGreaterThan(1024 * 1024);
    }

    @Test
    void coversEveryTopicAndEveryDamageWithOversizedRecordsOnlyOnce() {
        assertThat(corpus.records().stream().map(BadRecord::topic).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(InputTopic.values());
        assertThat(corpus.records().stream().map(BadRecord::damage).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Damage.class));
        assertThat(corpus.records().stream().filter(bad -> bad.damage() == Damage.OVER_LIMIT)).hasSize(InputTopic.values().length);
        assertThat(corpus.records().stream().filter(bad -> bad.damage() == Damage.DEEP)
                .map(bad -> new String(bad.value(), StandardCharsets.UTF_8)))
                .allSatisfy(text -> assertThat(text.chars().filter(c -> c == '[' || c == '{').count()).isGreaterThanOrEqualTo(Mutations.DEEP));
        assertThat(corpus.records().stream().map(BadRecord::id).distinct()).hasSize(corpus.records().size());
    }

    @Test
    void theFullSizeHoldsAtLeastAThousandRecords() {
        assertThat(Corpus.generate(new Fixture(8, 7, "http://127.0.0.1:1", "http://127.0.0.1:2"), 6, AT_REST).records()).hasSizeGreaterThan(1_000);
    }

    @Test
    void everySecretWrittenIntoARecordIsRegisteredAndNoneIsNamedInAVariant() {
        Set<String> secrets = corpus.secretValues();
        fixture.secrets().forEach(organization -> assertThat(secrets).contains(organization.secrets().get(0).value()));
        for (BadRecord bad : corpus.records()) {
            // The 1 MB "secret" is a million A's: no key, only a value too long to be one.
            if (bad.topic() == InputTopic.SECRETS && bad.value() != null && bad.damage() != Damage.ONE_MB) {
                String text = new String(bad.value(), StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher values = java.util.regex.Pattern.compile("whsec_[A-Za-z0-9+/]{40,}=*").matcher(text);
                while (values.find()) {
                    assertThat(secrets).as(bad.variant()).contains(values.group());
                }
            }
            assertThat(bad.variant()).doesNotContain("whsec_A", "whsec_B").doesNotMatch(".*whsec_[A-Za-z0-9+/]{20,}.*");
        }
    }
}
