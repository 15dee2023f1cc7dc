package io.mediahooks.reliability.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {

    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final String API_KEY = "mh_0f3a9c1b2d4e5f60_q8VdSomethingSecret";

    @TempDir
    Path root;

    private SecretScanner.Scan scan() {
        return SecretScanner.scan(root, SecretScanner.needles(List.of(SECRET, API_KEY)));
    }

    @Test
    void findsASecretAsIsAsItsBase64KeyAndAsItsHexKey() throws IOException {
        Files.writeString(root.resolve("a.log"), "signed with " + SECRET + "\n");
        Files.createDirectories(root.resolve("scenario"));
        Files.writeString(root.resolve("scenario/b.log"), "key=" + SECRET.substring(6) + "\n");
        Files.writeString(root.resolve("scenario/c.log"), "hmac key " + HexFormat.of().formatHex(KEY).toUpperCase() + "\n");
        Files.writeString(root.resolve("scenario/d.log"), "Authorization: Bearer " + API_KEY + "\n");

        assertThat(scan().findings()).extracting(finding -> root.relativize(finding.file()).toString() + ": " + finding.form())
                .containsExactlyInAnyOrder("a.log: signing secret #1, as is", "a.log: signing secret #1, its base64 key",
                        "scenario/b.log: signing secret #1, its base64 key",
                        "scenario/c.log: signing secret #1, its key in upper-case hex",
                        "scenario/d.log: API key or token #2, as is");
    }

    @Test
    void findsASecretAcrossTheEdgeOfAReadChunk() throws IOException {
        String padding = "x".repeat((1 << 20) - 10);
        Files.writeString(root.resolve("big.log"), padding + SECRET + "\n");
        assertThat(scan().findings()).extracting(SecretScanner.Finding::form).contains("signing secret #1, as is");
    }

    @Test
    void skipsStoredDataButNotLogsAndNeverPutsTheValueInAFinding() throws IOException {
        Path kafka = Files.createDirectories(root.resolve("data/kafka"));
        Files.writeString(kafka.resolve("meta.properties"), "node.id=1\n");
        Files.createDirectories(kafka.resolve("webhook-secrets-0"));
        Files.writeString(kafka.resolve("webhook-secrets-0/00000000000000000000.log"), SECRET);
        Path marked = Files.createDirectories(root.resolve("other/data"));
        Files.writeString(marked.resolve(".data-store"), "");
        Files.writeString(marked.resolve("state.sst"), SECRET);
        Files.writeString(root.resolve("clean.log"), "nothing to see\n");

        SecretScanner.Scan scan = scan();
        assertThat(scan.findings()).isEmpty();
        assertThat(scan.files()).isEqualTo(1);
        assertThat(scan.skippedDataDirectories()).containsExactlyInAnyOrder(kafka, marked);
        assertThat(SecretScanner.needles(List.of(SECRET))).extracting(SecretScanner.Needle::form)
                .allSatisfy(form -> assertThat(form).doesNotContain(SECRET.substring(6, 20)));
    }
}
