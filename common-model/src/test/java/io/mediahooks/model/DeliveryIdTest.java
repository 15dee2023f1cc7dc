package io.mediahooks.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** A delivery id is a contract: receivers de-duplicate on it across replays, restarts and upgrades. */
class DeliveryIdTest {

    @Test
    void theIdOfAnEventAndWebhookIsTheSameInEveryVersion() {
        // Computed outside Java: "msg_" + the first 16 bytes of SHA-256 over each part as a 2-byte length and its UTF-8.
        assertThat(DeliveryId.of(new OrganizationId("org_42"), new EventId("evt_1"), new SubscriptionId("wh_1")).value())
                .isEqualTo("msg_906aa57c8497d9f92599cae605888010");
        assertThat(DeliveryId.of(new OrganizationId("org_42"), new EventId("evt_" + "é".repeat(200)), new SubscriptionId("wh_1"))
                .value()).isEqualTo("msg_2d887e19edfe5ecc230d6e84f0a1dfa5");
    }

    @Test
    void idsMadeOneAfterAnotherOnOneThreadEachEqualAFreshDigest() throws Exception {
        for (int i = 0; i < 500; i++) {
            OrganizationId organization = new OrganizationId("org_" + (i % 7));
            EventId event = new EventId("evt_" + "é".repeat(i % 130) + i);
            SubscriptionId subscription = new SubscriptionId("wh_" + i);
            assertThat(DeliveryId.of(organization, event, subscription).value()).as("id %d", i)
                    .isEqualTo(fresh(organization.value(), event.value(), subscription.value()));
        }
    }

    private static String fresh(String... parts) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(new byte[] {(byte) (bytes.length >>> 8), (byte) bytes.length});
            sha256.update(bytes);
        }
        return "msg_" + HexFormat.of().formatHex(sha256.digest(), 0, 16);
    }
}
