package io.mediahooks.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyMaterialTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aKeyHasThePrefixAtLeast128RandomBitsAndEmbedsItsId() {
        KeyMaterial.NewKey key = KeyMaterial.generate(random);
        assertThat(key.key()).startsWith("mh_");
        // mh_<16 hex>_<secret>: the secret is base64url, which may itself hold '_'.
        String secret = key.key().substring(KeyMaterial.PREFIX.length() + 16 + 1);
        assertThat(Base64.getUrlDecoder().decode(secret).length * 8).isGreaterThanOrEqualTo(128);
        assertThat(KeyMaterial.claimedId(key.key())).contains(key.id());
        assertThat(key.toString()).doesNotContain(key.key());
    }

    @Test
    void keysAreNeverTheSame() {
        assertThat(KeyMaterial.generate(random).key()).isNotEqualTo(KeyMaterial.generate(random).key());
    }

    @Test
    void somethingShapedOtherwiseClaimsNoId() {
        assertThat(KeyMaterial.claimedId("mh_short")).isEmpty();
        assertThat(KeyMaterial.claimedId("Bearer mh_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isEmpty();
        assertThat(KeyMaterial.claimedId("mh_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).contains("key_0123456789abcdef");
    }

    @Test
    void secretsCompareByValue() {
        assertThat(KeyMaterial.sameSecret("admin-token", "admin-token")).isTrue();
        assertThat(KeyMaterial.sameSecret("admin-token", "admin-tokem")).isFalse();
    }
}
