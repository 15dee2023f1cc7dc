package io.mediahooks.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.TestSecretsKeys;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.crypto.SecretsAtRest;
import io.mediahooks.model.crypto.SecretsKeyRing;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithKafka
class SecretCommandsIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final OrganizationSecretsCodec TEST_KEYS = codec(TestSecretsKeys.RING);
    private static final String GIVEN = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static OrganizationSecretsCodec codec(String ring) {
        return new OrganizationSecretsCodec(SecretsAtRest.encrypted(SecretsKeyRing.parse(ring)));
    }

    @Test
    void rotateKeepsTheOldSecretSigningUntilTheOverlapEnds(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        CliHarness.Result set = cli.run("secret", "set", "--org", "org_42");
        CliHarness.Result rotate = cli.run("secret", "rotate", "--org", "org_42", "--overlap", "24h");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().names().secrets(), 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(2).allSatisfy(record ->
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("org_42"));
        OrganizationSecrets first = TEST_KEYS.decode(records.get(0).value());
        OrganizationSecrets rotated = TEST_KEYS.decode(records.get(1).value());
        WebhookSecret original = first.secrets().get(0);
        assertThat(original.id().value()).isEqualTo("sec_1");
        assertThat(original.key()).hasSize(32);
        // Shown once, to the operator who set it.
        assertThat(set.out()).contains(original.value());

        assertThat(rotated.secrets()).hasSize(2);
        WebhookSecret primary = rotated.secrets().get(0);
        assertThat(primary.id().value()).isEqualTo("sec_2");
        assertThat(primary.expiresAt()).isEmpty();
        assertThat(primary.value()).isNotEqualTo(original.value());
        assertThat(rotate.out()).contains(primary.value());
        assertThat(rotated.secrets().get(1)).isEqualTo(
                new WebhookSecret(original.id(), original.value(), Optional.of(NOW.plus(Duration.ofHours(24)))));
    }

    @Test
    void setRefusesToDropExistingSecretsUnlessToldToReplace(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);
        String given = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
        assertThat(cli.run("secret", "set", "--org", "org_7", "--value", given).exitCode()).isZero();

        CliHarness.Result again = cli.run("secret", "set", "--org", "org_7");
        CliHarness.Result replaced = cli.run("secret", "set", "--org", "org_7", "--replace");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("org_7 already has secrets (sec_1)").contains("secret rotate");
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().names().secrets(), 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(2);
        assertThat(TEST_KEYS.decode(records.get(1).value()).secrets())
                .singleElement().satisfies(secret -> assertThat(secret.id().value()).isEqualTo("sec_2"));
    }

    @Test
    void rotateOfAnOrganizationWithoutSecretsFailsNamingTheFix(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        CliHarness.Result rotate = cli.run("secret", "rotate", "--org", "org_none");

        assertThat(rotate.exitCode()).isEqualTo(1);
        assertThat(rotate.err()).contains("org_none has no secrets").contains("secret set");
    }

    @Test
    void recordsAreWrittenEncryptedUnderTheFirstKey(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        ok(cli.run("secret", "set", "--org", "org_enc", "--value", GIVEN));

        byte[] value = kafka.readAll(cli.topics().names().secrets(), 1, Duration.ofSeconds(10)).get(0).value();
        assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain(GIVEN.substring(6)).contains("\"key_id\":\"test1\"");
        assertThat(TEST_KEYS.decode(value).secrets().get(0).value()).isEqualTo(GIVEN);
    }

    @Test
    void commandsThatTouchSecretsRefuseToRunWithoutAKeyRing() {
        CliHarness cli = CliHarness.withoutKafka(NOW);

        for (String[] command : List.of(new String[] {"secret", "set", "--org", "org_1"},
                new String[] {"secret", "rotate", "--org", "org_1"}, new String[] {"secret", "reencrypt"})) {
            CliHarness.Result result = cli.run(command);
            assertThat(result.exitCode()).as(String.join(" ", command)).isEqualTo(2);
            assertThat(result.err()).startsWith("error: MEDIAHOOKS_SECRETS_KEYS is required");
        }
    }

    @Test
    void aWrongKeyStopsTheCommandNamingTheSetting(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);
        ok(cli.run("secret", "set", "--org", "org_1", "--value", GIVEN));

        CliHarness.Result wrongKey = cli.with(Map.of(TestSecretsKeys.SETTING, "test1:" + SecretsKeyRing.generateKey()))
                .run("secret", "rotate", "--org", "org_1");
        CliHarness.Result missingKey = cli.with(Map.of(TestSecretsKeys.SETTING, TestSecretsKeys.K2))
                .run("secret", "set", "--org", "org_2");

        assertThat(wrongKey.exitCode()).isEqualTo(2);
        assertThat(wrongKey.err()).contains("key test1 of MEDIAHOOKS_SECRETS_KEYS opens none of the 1 record(s)");
        assertThat(missingKey.exitCode()).isEqualTo(2);
        assertThat(missingKey.err()).contains("encrypted with key test1, which MEDIAHOOKS_SECRETS_KEYS does not hold");
        assertThat(kafka.readAll(cli.topics().names().secrets(), 2, Duration.ofSeconds(2))).as("nothing written").hasSize(1);
    }

    @Test
    void reencryptMovesEveryRecordToTheFirstKeyAndIsSafeToRunAgain(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);
        ok(cli.run("secret", "set", "--org", "org_a", "--value", GIVEN));
        ok(cli.run("secret", "set", "--org", "org_b"));
        // A record from before encryption at rest: re-encryption migrates it too.
        String plain = "{\"organization_id\":\"org_c\",\"secrets\":[{\"id\":\"sec_1\",\"value\":\"" + GIVEN + "\"}]}";
        kafka.send(cli.topics().names().secrets(), "org_c".getBytes(StandardCharsets.UTF_8), plain.getBytes(StandardCharsets.UTF_8));
        CliHarness rotated = cli.with(Map.of(TestSecretsKeys.SETTING, TestSecretsKeys.K2 + "," + TestSecretsKeys.K1));

        CliHarness.Result first = rotated.run("secret", "reencrypt");
        CliHarness.Result again = rotated.run("secret", "reencrypt");

        ok(first);
        assertThat(first.out()).contains("Re-encrypted 3 secrets record(s) under key test2 (from (plain text): 1, test1: 2); 0 already under it.");
        ok(again);
        assertThat(again.out()).contains("Re-encrypted 0 secrets record(s) under key test2; 3 already under it.");
        Map<String, byte[]> latest = new HashMap<>();
        kafka.readAll(cli.topics().names().secrets(), 6, Duration.ofSeconds(10))
                .forEach(record -> latest.put(new String(record.key(), StandardCharsets.UTF_8), record.value()));
        assertThat(latest).hasSize(3).allSatisfy((organization, value) ->
                assertThat(OrganizationSecretsCodec.keyIdsOf(value)).containsExactly("test2"));
        OrganizationSecretsCodec onlyK2 = codec(TestSecretsKeys.K2);
        assertThat(onlyK2.decode(latest.get("org_a")).secrets().get(0).value()).isEqualTo(GIVEN);
        assertThat(onlyK2.decode(latest.get("org_c")).secrets().get(0).value()).isEqualTo(GIVEN);
        ok(cli.with(Map.of(TestSecretsKeys.SETTING, TestSecretsKeys.K2)).run("secret", "rotate", "--org", "org_a"));
    }

    @Test
    void newKeyPrintsAKeyTheRingAccepts() {
        CliHarness.Result result = CliHarness.withoutKafka(NOW).run("secret", "new-key");

        ok(result);
        SecretsKeyRing ring = SecretsKeyRing.parse(result.out().strip());
        assertThat(ring.primaryKeyId()).isEqualTo("k20261127");
    }

    private static void ok(CliHarness.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
