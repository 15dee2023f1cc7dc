package io.mediahooks.cli.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediahooks.cli.CliHarness;
import io.mediahooks.kafka.test.KafkaTestBroker;
import io.mediahooks.kafka.test.WithKafka;
import io.mediahooks.model.OrganizationSecrets;
import io.mediahooks.model.WebhookSecret;
import io.mediahooks.model.json.OrganizationSecretsCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@WithKafka
class SecretCommandsIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void rotateKeepsTheOldSecretSigningUntilTheOverlapEnds(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        CliHarness.Result set = cli.run("secret", "set", "--org", "org_42");
        CliHarness.Result rotate = cli.run("secret", "rotate", "--org", "org_42", "--overlap", "24h");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().secrets().name(), 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(2).allSatisfy(record ->
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("org_42"));
        OrganizationSecrets first = OrganizationSecretsCodec.INSTANCE.decode(records.get(0).value());
        OrganizationSecrets rotated = OrganizationSecretsCodec.INSTANCE.decode(records.get(1).value());
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
        List<ConsumerRecord<byte[], byte[]>> records = kafka.readAll(cli.topics().secrets().name(), 2, Duration.ofSeconds(10));
        assertThat(records).hasSize(2);
        assertThat(OrganizationSecretsCodec.INSTANCE.decode(records.get(1).value()).secrets())
                .singleElement().satisfies(secret -> assertThat(secret.id().value()).isEqualTo("sec_2"));
    }

    @Test
    void rotateOfAnOrganizationWithoutSecretsFailsNamingTheFix(KafkaTestBroker kafka) {
        CliHarness cli = CliHarness.on(kafka, NOW);

        CliHarness.Result rotate = cli.run("secret", "rotate", "--org", "org_none");

        assertThat(rotate.exitCode()).isEqualTo(1);
        assertThat(rotate.err()).contains("org_none has no secrets").contains("secret set");
    }
}
