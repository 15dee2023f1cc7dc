package io.mediahooks.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediahooks.model.crypto.SecretsKeyRing.SealedValue;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretsKeyRingTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = SecretsKeyRing.generateKey();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String CONTEXT = "org_42/sec_2";

    @Test
    void sealsUnderThePrimaryKeyAndOpensAgain() {
        SecretsKeyRing ring = SecretsKeyRing.parse("k2:" + K2 + ",k1:" + K1);
        SealedValue sealed = ring.seal(SECRET, CONTEXT);
        assertThat(sealed.keyId()).isEqualTo("k2");
        assertThat(sealed.ciphertext()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(ring.open(sealed, CONTEXT)).isEqualTo(SECRET);
    }

    @Test
    void everySealUsesAFreshNonce() {
        SecretsKeyRing ring = SecretsKeyRing.parse("k1:" + K1);
        assertThat(ring.seal(SECRET, CONTEXT).ciphertext()).isNotEqualTo(ring.seal(SECRET, CONTEXT).ciphertext());
    }

    @Test
    void valuesSealedUnderAnOlderKeyStayReadableAfterRotation() {
        SealedValue old = SecretsKeyRing.parse("k1:" + K1).seal(SECRET, CONTEXT);
        SecretsKeyRing rotated = SecretsKeyRing.parse("k2:" + K2 + ",k1:" + K1);
        assertThat(rotated.open(old, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, CONTEXT).keyId()).isEqualTo("k2");
    }

    @Test
    void aValueWhoseKeyLeftTheRingNamesTheKey() {
        SealedValue old = SecretsKeyRing.parse("k1:" + K1).seal(SECRET, CONTEXT);
        assertThatThrownBy(() -> SecretsKeyRing.parse("k2:" + K2).open(old, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("key k1, which is not in the key ring");
    }

    @Test
    void aValueCopiedToAnotherContextDoesNotOpen() {
        SecretsKeyRing ring = SecretsKeyRing.parse("k1:" + K1);
        SealedValue sealed = ring.seal(SECRET, CONTEXT);
        assertThatThrownBy(() -> ring.open(sealed, "org_43/sec_2"))
                .isInstanceOf(SecretDecryptionException.class)
                .hasMessageContaining("does not open with key k1");
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        SecretsKeyRing ring = SecretsKeyRing.parse("k1:" + K1);
        byte[] bytes = Base64.getDecoder().decode(ring.seal(SECRET, CONTEXT).ciphertext());
        bytes[bytes.length - 1] ^= 1;
        SealedValue tampered = new SealedValue("k1", Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> ring.open(tampered, CONTEXT)).isInstanceOf(SecretDecryptionException.class);
    }

    @Test
    void aKeyOfTheSameIdButOtherMaterialDoesNotOpen() {
        SealedValue sealed = SecretsKeyRing.parse("k1:" + K1).seal(SECRET, CONTEXT);
        assertThatThrownBy(() -> SecretsKeyRing.parse("k1:" + K2).open(sealed, CONTEXT))
                .isInstanceOf(SecretDecryptionException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty           | ''                        | key 1 is not of the form id:base64
            no colon        | abc                       | key 1 is not of the form id:base64
            bad id          | 'k 1:AAAA'                | key 1 has an invalid id
            bad base64      | 'k1:@@@@'                 | key k1 is not valid base64
            short key       | 'k1:AAAAAAAAAAAAAAAAAAAAAA==' | key k1 must be 32 bytes (AES-256), not 16
            """)
    void aBadRingNamesTheEntryWithoutEchoingIt(String kind, String spec, String expected) {
        assertThatThrownBy(() -> SecretsKeyRing.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
    }

    @Test
    void aDuplicatedKeyIdIsRefused() {
        assertThatThrownBy(() -> SecretsKeyRing.parse("k1:" + K1 + ",k1:" + K2))
                .hasMessage("key id k1 appears twice");
    }

    @Test
    void toStringNeverShowsKeyMaterial() {
        assertThat(SecretsKeyRing.parse("k2:" + K2 + ",k1:" + K1).toString()).doesNotContain(K2).doesNotContain(K1);
    }
}
